import TraderCore

/// Trend continuation by breakout: buys when the close clears the highest high of the previous
/// `lookback` bars and is at least `minMovePct` above the close `lookback` bars earlier; sells on
/// the mirror image below the lowest low.
public struct MomentumSignal: Sendable {
    /// The registered name.
    public static let name = "momentum"
    /// The symbol it watches.
    public let symbol: Symbol
    /// The least move over the lookback, in %.
    public let minMovePct: Double
    private var extremes: RollingExtremes
    private var previousExtremes: (highest: Double, lowest: Double)?
    private var closes: RingBuffer

    /// A signal on `symbol`.
    ///
    /// - Precondition: `lookback ≥ 1` and `minMovePct ≥ 0`.
    public init(symbol: Symbol, lookback: Int, minMovePct: Double) {
        precondition(lookback >= 1 && minMovePct >= 0, "momentum needs a lookback and a non-negative move")
        self.symbol = symbol
        self.minMovePct = minMovePct
        extremes = RollingExtremes(period: lookback)
        closes = RingBuffer(capacity: lookback + 1)
    }

    /// Updates on a new bar; a trigger on a breakout.
    public mutating func update(_ candle: Candle) -> Trigger? {
        let close = candle.close.value.doubleValue
        let prior = previousExtremes
        previousExtremes = extremes.update(high: candle.high.value.doubleValue, low: candle.low.value.doubleValue)
        closes.push(close)
        guard let prior, closes.isFull else { return nil }
        let move = (close - closes[0]) / closes[0] * 100
        let lookback = closes.capacity - 1
        if close > prior.highest, move >= minMovePct {
            return trigger(.buy, move, .breakout(close: candle.close, above: true, span: "\(lookback)-bar", level: prior.highest), candle)
        }
        if close < prior.lowest, move <= -minMovePct {
            return trigger(.sell, move, .breakout(close: candle.close, above: false, span: "\(lookback)-bar", level: prior.lowest), candle)
        }
        return nil
    }

    private func trigger(_ action: Trigger.Action, _ move: Double, _ breakout: Trigger.Reason, _ candle: Candle) -> Trigger {
        Trigger(
            signal: Self.name, symbol: symbol, action: action, strength: minMovePct > 0 ? abs(move) / (2 * minMovePct) : 1,
            confidence: 0.6,
            facts: [breakout, .move(pct: move, bars: 0, threshold: minMovePct)],
            time: candle.time)
    }
}
