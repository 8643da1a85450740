/// Wilder's average true range (TA-Lib `ATR`): the true range needs the previous close, so the
/// first is on the second bar; the ATR is seeded with the simple average of the first `period`
/// true ranges, then smoothed Wilder's way, `atr × (n − 1)/n + tr × 1/n` with both factors
/// precomputed (no division in the loop-carried chain). The first value after `period + 1` bars.
public struct AverageTrueRange: Sendable {
    /// The period.
    public let period: Int
    @usableFromInline let decay: Double
    @usableFromInline let weight: Double
    @usableFromInline var previousClose: Double?
    @usableFromInline var seedSum = 0.0
    @usableFromInline var ranges = 0
    @usableFromInline var latest: Double?

    /// The latest value, once warmed up.
    public var value: Double? { latest }

    /// An ATR over `period` true ranges.
    ///
    /// - Precondition: `period` is positive.
    public init(period: Int) {
        precondition(period > 0, "period must be positive")
        self.period = period
        decay = Double(period - 1) / Double(period)
        weight = 1 / Double(period)
    }

    /// Adds a bar; the ATR once warmed up.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double) -> Double? {
        defer { previousClose = close }
        guard let previousClose else { return nil }
        let trueRange = Swift.max(high - low, abs(high - previousClose), abs(low - previousClose))
        if let current = latest {
            latest = current * decay + trueRange * weight
            return latest
        }
        seedSum += trueRange
        ranges += 1
        guard ranges == period else { return nil }
        latest = seedSum / Double(period)
        return latest
    }
}
