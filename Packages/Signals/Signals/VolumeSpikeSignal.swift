import TraderCore

/// Volume of at least `minVolumeRatio` times the average of the previous `lookback` bars, in the
/// direction of the bar: buy on an up bar, sell on a down bar; nothing on a flat bar.
public struct VolumeSpikeSignal: Sendable {
    /// The registered name.
    public static let name = "volume_spike"
    /// The symbol it watches.
    public let symbol: Symbol
    /// The least volume against its average.
    public let minVolumeRatio: Double
    private var volume: VolumeRatio

    /// A signal on `symbol`.
    ///
    /// - Precondition: `lookback ≥ 1` and `minVolumeRatio > 1`.
    public init(symbol: Symbol, lookback: Int, minVolumeRatio: Double) {
        precondition(lookback >= 1 && minVolumeRatio > 1, "volume spike needs a lookback and a ratio above 1")
        self.symbol = symbol
        self.minVolumeRatio = minVolumeRatio
        volume = VolumeRatio(period: lookback)
    }

    /// Updates on a new bar; a trigger on a spike.
    public mutating func update(_ candle: Candle) -> Trigger? {
        guard let ratio = volume.update(candle.volume.value.doubleValue), ratio >= minVolumeRatio,
            candle.close != candle.open
        else { return nil }
        let rising = candle.close > candle.open
        return Trigger(
            signal: Self.name, symbol: symbol, action: rising ? .buy : .sell, strength: ratio / (2 * minVolumeRatio),
            confidence: 0.5,
            facts: [.volume(ratio: ratio, threshold: minVolumeRatio, rising: rising)], time: candle.time)
    }
}
