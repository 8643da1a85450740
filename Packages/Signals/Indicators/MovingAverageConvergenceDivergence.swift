/// MACD as TA-Lib computes it (`MACD`): the difference of a fast and a slow EMA, with an EMA of that
/// difference as the signal line.
///
/// As in TA-Lib, the fast EMA is seeded on the `fast` inputs that end where the slow EMA's seed
/// ends, so both start on input `slow`; a standalone `EMA(fast)` starts earlier and differs in the
/// first few hundred values. The first reading comes after `slow + signal − 1` inputs.
public struct MovingAverageConvergenceDivergence: Sendable {
    /// One reading.
    public struct Reading: Hashable, Sendable {
        /// Fast EMA minus slow EMA.
        public let macd: Double
        /// The EMA of ``macd``.
        public let signal: Double
        /// ``macd`` minus ``signal``.
        public let histogram: Double

        @usableFromInline
        init(macd: Double, signal: Double, histogram: Double) {
            (self.macd, self.signal, self.histogram) = (macd, signal, histogram)
        }
    }

    @usableFromInline var fastAverage: ExponentialMovingAverage
    @usableFromInline var slowAverage: ExponentialMovingAverage
    @usableFromInline var signalAverage: ExponentialMovingAverage
    @usableFromInline let fastStartsAfter: Int
    @usableFromInline var seen = 0

    /// MACD with the given periods (12, 26, 9 classically).
    ///
    /// - Precondition: `fast < slow`.
    public init(fast: Int = 12, slow: Int = 26, signal: Int = 9) {
        precondition(fast < slow, "the fast period must be shorter than the slow one")
        fastAverage = ExponentialMovingAverage(period: fast)
        slowAverage = ExponentialMovingAverage(period: slow)
        signalAverage = ExponentialMovingAverage(period: signal)
        fastStartsAfter = slow - fast
    }

    /// Adds a close; the reading once warmed up.
    @inlinable
    public mutating func update(_ close: Double) -> Reading? {
        seen += 1
        let slow = slowAverage.update(close)
        let fast = seen > fastStartsAfter ? fastAverage.update(close) : nil
        guard let fast, let slow else { return nil }
        let macd = fast - slow
        guard let signal = signalAverage.update(macd) else { return nil }
        return Reading(macd: macd, signal: signal, histogram: macd - signal)
    }
}
