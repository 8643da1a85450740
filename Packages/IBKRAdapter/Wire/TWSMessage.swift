/// A message of the TWS protocol with its one field table: encoded and decoded by the same list.
public protocol TWSMessage: Hashable, Sendable {
    /// The layout at every server version.
    static var table: FieldTable<Self> { get }
    /// A message with every field at its default (what a decoder fills in).
    init()
}

extension TWSMessage {
    /// The message's fields at `serverVersion`.
    public func encoded(serverVersion: Int = TWSProtocol.serverVersion) -> [String] { Self.table.encode(self, serverVersion: serverVersion) }

    /// The message in `fields`, written at `serverVersion`.
    ///
    /// - Throws: ``TWSDecodingError`` for a field that is missing or malformed.
    public static func decode(_ fields: [String], serverVersion: Int = TWSProtocol.serverVersion) throws(TWSDecodingError) -> Self {
        try table.decode(fields, serverVersion: serverVersion, into: Self())
    }
}

/// The protocol's constants.
public enum TWSProtocol {
    /// The server version IBKRAdapter speaks: the reference's choice, below the protobuf versions.
    public static let serverVersion = 178
    /// The versions the client offers at the handshake.
    public static let clientVersionRange = "v176..178"
    /// The largest message payload (IB's `MAX_MSG_LEN`).
    public static let maxMessageLength = 0xFF_FFFF
}
