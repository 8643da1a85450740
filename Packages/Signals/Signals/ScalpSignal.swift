import TraderCore

/// A one-minute scalp gated three ways: buy when the fast EMA is above the slow one, the close is
/// above the session VWAP and RSI is below `overbought`; sell on the mirror image (fast below slow,
/// close below VWAP, RSI above `oversold`); otherwise hold. Silent for the first 30 bars.
public struct ScalpSignal: Sendable {
    /// The registered name.
    public static let name = "scalp"
    /// Bars needed before it may fire.
    public static let minimumBars = 30
    /// The symbol it watches.
    public let symbol: Symbol
    /// RSI at or above which it does not buy.
    public let overbought: Double
    /// RSI at or below which it does not sell.
    public let oversold: Double
    private var fast: ExponentialMovingAverage
    private var slow: ExponentialMovingAverage
    private var rsi: RelativeStrengthIndex
    private var vwap = SessionVWAP()
    private var bars = 0

    /// A scalp on `symbol` (EMA 9/21 and RSI 14 classically).
    ///
    /// - Precondition: `fastPeriod < slowPeriod` and `oversold < overbought`.
    public init(
        symbol: Symbol, fastPeriod: Int = 9, slowPeriod: Int = 21, rsiPeriod: Int = 14, oversold: Double = 30,
        overbought: Double = 70
    ) {
        precondition(fastPeriod < slowPeriod && oversold < overbought, "scalp needs fast < slow and oversold < overbought")
        self.symbol = symbol
        self.overbought = overbought
        self.oversold = oversold
        fast = ExponentialMovingAverage(period: fastPeriod)
        slow = ExponentialMovingAverage(period: slowPeriod)
        rsi = RelativeStrengthIndex(period: rsiPeriod)
    }

    /// Updates on a new one-minute bar; a trigger when all three gates agree, else hold (`nil`).
    public mutating func update(_ candle: Candle) -> Trigger? {
        bars += 1
        let close = candle.close.value.doubleValue
        let fastValue = fast.update(close)
        let slowValue = slow.update(close)
        let strength = rsi.update(close)
        let sessionVWAP = vwap.update(
            high: candle.high.value.doubleValue, low: candle.low.value.doubleValue, close: close,
            volume: candle.volume.value.doubleValue, time: candle.time)
        guard bars >= Self.minimumBars, let fastValue, let slowValue, let strength, let sessionVWAP else { return nil }
        let facts: [Trigger.Reason] = [
            .gate(name: "EMA", value: fastValue, reference: slowValue),
            .gate(name: "close vs session VWAP", value: close, reference: sessionVWAP),
            .gate(name: "RSI", value: strength, reference: nil),
        ]
        if fastValue > slowValue, close > sessionVWAP, strength < overbought {
            return Trigger(
                signal: Self.name, symbol: symbol, action: .buy, strength: (overbought - strength) / overbought,
                confidence: 0.5, facts: facts, time: candle.time)
        }
        if fastValue < slowValue, close < sessionVWAP, strength > oversold {
            return Trigger(
                signal: Self.name, symbol: symbol, action: .sell, strength: (strength - oversold) / (100 - oversold),
                confidence: 0.5, facts: facts, time: candle.time)
        }
        return nil
    }
}
