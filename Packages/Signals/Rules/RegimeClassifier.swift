import TraderCore

/// Classifies a symbol's market regime from its closes, streaming:
/// - `trend`: the close is above the slow EMA and the fast EMA above the slow one;
/// - `bear`: the close is below the slow EMA, the fast below the slow, and the slow EMA lower than
///   `slopeBars` bars ago;
/// - `chop`: anything else.
///
/// `nil` until the slow EMA and its slope are warmed up: the rules treat an unknown regime as a
/// reason not to trade.
public struct RegimeClassifier: Sendable {
    private var fast: ExponentialMovingAverage
    private var slow: ExponentialMovingAverage
    private var slowHistory: RingBuffer

    /// A classifier with EMA periods `fastPeriod` < `slowPeriod` (50 and 200 classically) and the
    /// slow EMA's slope measured over `slopeBars`.
    ///
    /// - Precondition: `fastPeriod < slowPeriod` and `slopeBars ≥ 1`.
    public init(fastPeriod: Int = 50, slowPeriod: Int = 200, slopeBars: Int = 24) {
        precondition(fastPeriod < slowPeriod && slopeBars >= 1, "regime needs fast < slow and a slope window")
        fast = ExponentialMovingAverage(period: fastPeriod)
        slow = ExponentialMovingAverage(period: slowPeriod)
        slowHistory = RingBuffer(capacity: slopeBars + 1)
    }

    /// Updates on a new bar; the regime once warmed up.
    public mutating func update(_ candle: Candle) -> Regime? {
        let close = candle.close.value.doubleValue
        let fastValue = fast.update(close)
        guard let slowValue = slow.update(close), let fastValue else { return nil }
        slowHistory.push(slowValue)
        guard slowHistory.isFull else { return nil }
        if close > slowValue, fastValue > slowValue { return .trend }
        if close < slowValue, fastValue < slowValue, slowValue < slowHistory[0] { return .bear }
        return .chop
    }
}
