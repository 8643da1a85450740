/// Wilder's relative strength index (TA-Lib `RSI`): average gain and loss seeded with the simple
/// average of the first `period` changes, then smoothed by `(previous × (period − 1) + change) /
/// period`. The first value after `period + 1` inputs; 0 to 100.
public struct RelativeStrengthIndex: Sendable {
    /// The period.
    public let period: Int
    private var previous: Double?
    private var averageGain = 0.0
    private var averageLoss = 0.0
    private var changes = 0

    /// An RSI over `period` changes.
    ///
    /// - Precondition: `period` is positive.
    public init(period: Int) {
        precondition(period > 0, "period must be positive")
        self.period = period
    }

    /// Adds a close; the RSI once `period` changes have been seen.
    public mutating func update(_ close: Double) -> Double? {
        defer { previous = close }
        guard let previous else { return nil }
        let change = close - previous
        let gain = Swift.max(change, 0)
        let loss = Swift.max(-change, 0)
        changes += 1
        let n = Double(period)
        if changes <= period {
            averageGain += gain / n
            averageLoss += loss / n
            guard changes == period else { return nil }
        } else {
            averageGain = (averageGain * (n - 1) + gain) / n
            averageLoss = (averageLoss * (n - 1) + loss) / n
        }
        let total = averageGain + averageLoss
        return total == 0 ? 0 : 100 * averageGain / total
    }
}
