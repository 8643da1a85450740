/// The id this system gives an order: a pure function of the intent, so a retry reuses it and can
/// never create a second order.
public struct ClientOrderID: Hashable, Comparable, Sendable, Codable, CodingKeyRepresentable, CustomStringConvertible {
    /// The id as sent to the venue.
    public let rawValue: String
    /// Wraps an id.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    /// The id as a dictionary key, so a map by id encodes as an object keyed by the ids.
    public var codingKey: any CodingKey { AnyCodingKey(rawValue) }
    /// The id a dictionary key names.
    public init?<Key: CodingKey>(codingKey: Key) { self.init(codingKey.stringValue) }
}

/// The id a venue gives an order when it accepts it.
public struct VenueOrderID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The venue's id.
    public let rawValue: String
    /// Wraps an id.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The id a venue gives one execution (fill); unique per venue, so a fill seen twice is one fill.
public struct TradeID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The venue's id.
    public let rawValue: String
    /// Wraps an id.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
