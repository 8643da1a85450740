import TraderCore

/// Fades an extreme: buys when the close is `entryZScore` or more population standard deviations
/// below the mean of the last `lookback` closes, sells when as far above. Strength grows with the
/// excess over the threshold (1 at twice the threshold).
public struct MeanReversionSignal: Sendable {
    /// The registered name.
    public static let name = "mean_reversion"
    /// The symbol it watches.
    public let symbol: Symbol
    /// The z-score that fires it.
    public let entryZScore: Double
    private var zScore: ZScore

    /// A signal on `symbol` over `lookback` closes.
    ///
    /// - Precondition: `lookback ≥ 2` and `entryZScore > 0`.
    public init(symbol: Symbol, lookback: Int, entryZScore: Double) {
        precondition(lookback >= 2 && entryZScore > 0, "mean reversion needs lookback ≥ 2 and a positive z-score")
        self.symbol = symbol
        self.entryZScore = entryZScore
        zScore = ZScore(period: lookback)
    }

    /// Updates on a new bar; a trigger when the close is extreme.
    public mutating func update(_ candle: Candle) -> Trigger? {
        guard let z = zScore.update(candle.close.value.doubleValue), abs(z) >= entryZScore else { return nil }
        let excess = (abs(z) - entryZScore) / entryZScore
        return Trigger(
            signal: Self.name, symbol: symbol, action: z < 0 ? .buy : .sell, strength: 0.5 + excess / 2,
            confidence: Swift.min(1, abs(z) / (2 * entryZScore)),
            facts: [.zScore(close: candle.close, zScore: z, threshold: entryZScore)], time: candle.time)
    }
}
