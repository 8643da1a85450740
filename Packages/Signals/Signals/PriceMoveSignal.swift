import TraderCore

/// A move of at least `minMovePct` over `window` bars (close against the close `window` bars
/// earlier), confirmed by volume of at least `minVolumeRatio` times the average of the previous
/// `window` bars: buy on a rise, sell on a fall.
public struct PriceMoveSignal: Sendable {
    /// The registered name.
    public static let name = "price_move"
    /// The symbol it watches.
    public let symbol: Symbol
    /// The least move, in %.
    public let minMovePct: Double
    /// The least volume against its average.
    public let minVolumeRatio: Double
    private var closes: RingBuffer
    private var volume: VolumeRatio

    /// A signal on `symbol`.
    ///
    /// - Precondition: `window ≥ 1`, `minMovePct > 0`.
    public init(symbol: Symbol, window: Int, minMovePct: Double, minVolumeRatio: Double) {
        precondition(window >= 1 && minMovePct > 0, "price move needs a window and a positive move")
        self.symbol = symbol
        self.minMovePct = minMovePct
        self.minVolumeRatio = minVolumeRatio
        closes = RingBuffer(capacity: window + 1)
        volume = VolumeRatio(period: window)
    }

    /// Updates on a new bar; a trigger on a confirmed move.
    public mutating func update(_ candle: Candle) -> Trigger? {
        let close = candle.close.value.doubleValue
        closes.push(close)
        let ratio = volume.update(candle.volume.value.doubleValue)
        guard closes.isFull, let ratio else { return nil }
        let start = closes[0]
        let move = (close - start) / start * 100
        guard abs(move) >= minMovePct, ratio >= minVolumeRatio else { return nil }
        return Trigger(
            signal: Self.name, symbol: symbol, action: move > 0 ? .buy : .sell,
            strength: abs(move) / (2 * minMovePct), confidence: Swift.min(1, ratio / (2 * minVolumeRatio)),
            facts: [
                .move(pct: move, bars: closes.capacity - 1, threshold: minMovePct),
                .volume(ratio: ratio, threshold: minVolumeRatio, rising: nil),
            ], time: candle.time)
    }
}
