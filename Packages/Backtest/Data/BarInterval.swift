import TraderCore

/// A candle interval that backtests read and resample to: 1m, 5m, 15m, 1h, 4h, 1d. Bars are
/// aligned to the Unix epoch (a 4h bar starts at 00:00, 04:00, ... UTC; a 1d bar at 00:00 UTC).
public struct BarInterval: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The length in seconds.
    public let seconds: Int64

    /// An interval of `seconds`.
    ///
    /// - Precondition: `seconds > 0`.
    public init(seconds: Int64) {
        precondition(seconds > 0, "a bar interval must be positive")
        self.seconds = seconds
    }

    public static let oneMinute = BarInterval(seconds: 60)
    public static let fiveMinutes = BarInterval(seconds: 300)
    public static let fifteenMinutes = BarInterval(seconds: 900)
    public static let oneHour = BarInterval(seconds: 3_600)
    public static let fourHours = BarInterval(seconds: 14_400)
    public static let oneDay = BarInterval(seconds: 86_400)

    /// The intervals by name.
    public static let named: [(name: String, interval: BarInterval)] = [
        ("1m", .oneMinute), ("5m", .fiveMinutes), ("15m", .fifteenMinutes), ("1h", .oneHour), ("4h", .fourHours), ("1d", .oneDay),
    ]

    /// Parses `1m`, `5m`, `15m`, `1h`, `4h` or `1d`.
    public init?(_ name: String) {
        guard let match = Self.named.first(where: { $0.name == name }) else { return nil }
        self = match.interval
    }

    /// Bars of this interval in a 365-day year (for annualizing).
    public var barsPerYear: Double { 365 * 86_400 / Double(seconds) }

    /// The start of the bar that `time` falls in.
    public func bucket(of time: Timestamp) -> Timestamp {
        let seconds = time.secondsSinceEpoch
        let remainder = seconds % self.seconds
        return Timestamp(secondsSinceEpoch: seconds - (remainder < 0 ? remainder + self.seconds : remainder))
    }

    public var description: String {
        Self.named.first { $0.interval == self }?.name ?? "\(seconds)s"
    }

    public static func < (lhs: BarInterval, rhs: BarInterval) -> Bool { lhs.seconds < rhs.seconds }
}
