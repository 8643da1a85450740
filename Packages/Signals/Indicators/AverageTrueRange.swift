/// Wilder's average true range (TA-Lib `ATR`): the true range needs the previous close, so the
/// first is on the second bar; the ATR is seeded with the simple average of the first `period`
/// true ranges, then smoothed Wilder's way. The first value after `period + 1` bars.
public struct AverageTrueRange: Sendable {
    /// The period.
    public let period: Int
    private var previousClose: Double?
    private var seedSum = 0.0
    private var ranges = 0
    /// The latest value, once warmed up.
    public private(set) var value: Double?

    /// An ATR over `period` true ranges.
    ///
    /// - Precondition: `period` is positive.
    public init(period: Int) {
        precondition(period > 0, "period must be positive")
        self.period = period
    }

    /// Adds a bar; the ATR once warmed up.
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        defer { previousClose = close }
        guard let previousClose else { return nil }
        let trueRange = Swift.max(high - low, abs(high - previousClose), abs(low - previousClose))
        if let current = value {
            value = (current * Double(period - 1) + trueRange) / Double(period)
            return value
        }
        seedSum += trueRange
        ranges += 1
        guard ranges == period else { return nil }
        value = seedSum / Double(period)
        return value
    }
}
