/// Wilder's relative strength index (TA-Lib `RSI`): average gain and loss seeded with the simple
/// average of the first `period` changes, then smoothed by `previous × (n − 1)/n + change × 1/n`
/// (factors precomputed: no division in the loop-carried chain). The first value after `period + 1`
/// inputs; 0 to 100.
public struct RelativeStrengthIndex: Sendable {
    /// The period.
    public let period: Int
    @usableFromInline let decay: Double
    @usableFromInline let weight: Double
    @usableFromInline var previous: Double?
    @usableFromInline var averageGain = 0.0
    @usableFromInline var averageLoss = 0.0
    @usableFromInline var changes = 0

    /// An RSI over `period` changes.
    ///
    /// - Precondition: `period` is positive.
    public init(period: Int) {
        precondition(period > 0, "period must be positive")
        self.period = period
        decay = Double(period - 1) / Double(period)
        weight = 1 / Double(period)
    }

    /// Adds a close; the RSI once `period` changes have been seen.
    @inlinable
    public mutating func update(_ close: Double) -> Double? {
        defer { previous = close }
        guard let previous else { return nil }
        let change = close - previous
        let gain = Swift.max(change, 0)
        let loss = Swift.max(-change, 0)
        changes += 1
        if changes <= period {
            averageGain += gain * weight
            averageLoss += loss * weight
            guard changes == period else { return nil }
        } else {
            averageGain = averageGain * decay + gain * weight
            averageLoss = averageLoss * decay + loss * weight
        }
        let total = averageGain + averageLoss
        return total == 0 ? 0 : 100 * averageGain / total
    }
}
