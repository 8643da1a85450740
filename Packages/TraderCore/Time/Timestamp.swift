/// An instant in UTC, as whole nanoseconds since the Unix epoch.
///
/// `Int64` nanoseconds cover the years 1678 to 2262, which is every instant a trading system meets.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since 1970-01-01T00:00:00Z.
    public let nanosecondsSinceEpoch: Int64

    /// Creates a timestamp from nanoseconds since the Unix epoch.
    public init(nanosecondsSinceEpoch: Int64) {
        self.nanosecondsSinceEpoch = nanosecondsSinceEpoch
    }

    /// Creates a timestamp from whole seconds since the Unix epoch.
    ///
    /// - Precondition: `seconds` is within the representable range (years 1678 to 2262).
    public init(secondsSinceEpoch seconds: Int64) {
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        precondition(!overflow, "timestamp out of range: \(seconds) s")
        self.nanosecondsSinceEpoch = nanoseconds
    }

    /// Creates a timestamp from whole seconds read from outside data.
    ///
    /// - Throws: ``VenueError`` `malformed_reply` outside the years 1678 to 2262.
    public init(validatingSecondsSinceEpoch seconds: Int64) throws(VenueError) {
        let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else {
            throw VenueError(.malformedReply, message: "timestamp: \(seconds) s since 1970 is outside the years 1678 to 2262")
        }
        self.nanosecondsSinceEpoch = nanoseconds
    }

    /// Whole seconds since the Unix epoch, rounded toward negative infinity.
    public var secondsSinceEpoch: Int64 {
        let (quotient, remainder) = nanosecondsSinceEpoch.quotientAndRemainder(dividingBy: 1_000_000_000)
        return remainder < 0 ? quotient - 1 : quotient
    }

    /// The ISO 8601 spelling in UTC, `2026-11-21T06:18:52Z`, with a fraction only when there is one.
    public var description: String { ISO8601Format.format(self) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.nanosecondsSinceEpoch < rhs.nanosecondsSinceEpoch
    }
}
