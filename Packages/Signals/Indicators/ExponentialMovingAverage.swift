/// An exponential moving average with `alpha = 2 / (period + 1)`, seeded with the simple average
/// of the first `period` values (TA-Lib `EMA`): the first value after `period` inputs.
public struct ExponentialMovingAverage: Sendable {
    /// The smoothing factor.
    public let alpha: Double
    @usableFromInline let retained: Double
    /// The period.
    public let period: Int
    @usableFromInline var seedSum = 0.0
    @usableFromInline var seen = 0
    @usableFromInline var latest: Double?

    /// The latest value, once warmed up.
    public var value: Double? { latest }

    /// An average over `period` values.
    ///
    /// - Precondition: `period` is positive.
    public init(period: Int) {
        precondition(period > 0, "period must be positive")
        self.period = period
        alpha = 2 / Double(period + 1)
        retained = 1 - alpha
    }

    /// Adds a value; the average once `period` values have been seen.
    @inlinable @inline(__always)
    public mutating func update(_ input: Double) -> Double? {
        if let current = latest {
            let next = current * retained + input * alpha
            latest = next
            return next
        }
        seedSum += input
        seen += 1
        guard seen == period else { return nil }
        latest = seedSum / Double(period)
        return latest
    }
}
