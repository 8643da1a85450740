/// An exponential moving average with `alpha = 2 / (period + 1)`, seeded with the simple average
/// of the first `period` values (TA-Lib `EMA`): the first value after `period` inputs.
public struct ExponentialMovingAverage: Sendable {
    /// The smoothing factor.
    public let alpha: Double
    /// The period.
    public let period: Int
    private var seedSum = 0.0
    private var seen = 0
    /// The latest value, once warmed up.
    public private(set) var value: Double?

    /// An average over `period` values.
    ///
    /// - Precondition: `period` is positive.
    public init(period: Int) {
        precondition(period > 0, "period must be positive")
        self.period = period
        alpha = 2 / Double(period + 1)
    }

    /// Adds a value; the average once `period` values have been seen.
    public mutating func update(_ input: Double) -> Double? {
        if let current = value {
            let next = current + alpha * (input - current)
            value = next
            return next
        }
        seedSum += input
        seen += 1
        guard seen == period else { return nil }
        value = seedSum / Double(period)
        return value
    }
}
