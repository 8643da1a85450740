import TraderCore

/// For the options bot on 60-minute bars: a close beyond the range of the previous `rangeDays`
/// days (24 bars a day) on at least `minVolumeRatio` times the average volume of that range buys a
/// call (upside) or a put (downside). After firing, a symbol stays quiet for `debounceDays`; that
/// state is a value that can be saved and restored, so a restart does not reset it.
///
/// With `barMinutes` it joins the bars it is given (the options bot's one-minute bars) into bars
/// of that many minutes first (``CandleResampler``); with 0 it reads the bars as given.
public struct WhaleSignal: Sendable {
    /// The registered name.
    public static let name = "whale"

    /// The debounce state to persist across restarts.
    public struct State: Hashable, Sendable, Codable {
        /// When the signal last fired, if ever.
        public var lastFired: Timestamp?

        /// A state.
        public init(lastFired: Timestamp? = nil) {
            self.lastFired = lastFired
        }
    }

    /// The symbol it watches.
    public let symbol: Symbol
    /// The least volume against the range's average.
    public let minVolumeRatio: Double
    /// Quiet days after firing.
    public let debounceDays: Int
    /// The debounce state; save it after each bar.
    public private(set) var state: State
    private var extremes: RollingExtremes
    private var previousExtremes: (highest: Double, lowest: Double)?
    private var volume: VolumeRatio
    private let rangeDays: Int
    private var resampler: CandleResampler?

    /// A whale signal on `symbol`, resuming from `state`.
    ///
    /// - Precondition: `rangeDays ≥ 1`, `debounceDays ≥ 0`.
    public init(
        symbol: Symbol, rangeDays: Int = 20, minVolumeRatio: Double = 1.5, debounceDays: Int, barMinutes: Int = 0, state: State = State()
    ) {
        precondition(rangeDays >= 1 && debounceDays >= 0 && barMinutes >= 0, "whale needs a range and a non-negative debounce")
        resampler = barMinutes > 0 ? CandleResampler(seconds: Int64(barMinutes) * 60) : nil
        self.symbol = symbol
        self.minVolumeRatio = minVolumeRatio
        self.debounceDays = debounceDays
        self.rangeDays = rangeDays
        self.state = state
        extremes = RollingExtremes(period: rangeDays * 24)
        volume = VolumeRatio(period: rangeDays * 24)
    }

    /// Updates on a new bar; a trigger on a range break with volume outside the debounce, on the
    /// bar that completes a resampled one when it resamples.
    public mutating func update(_ candle: Candle) -> Trigger? {
        guard var joiner = resampler else { return evaluate(candle) }
        let bars = joiner.update(candle)
        resampler = joiner
        var trigger: Trigger?
        for bar in bars { trigger = evaluate(bar) ?? trigger }
        return trigger
    }

    private mutating func evaluate(_ candle: Candle) -> Trigger? {
        let close = candle.close.value.doubleValue
        let prior = previousExtremes
        previousExtremes = extremes.update(high: candle.high.value.doubleValue, low: candle.low.value.doubleValue)
        let ratio = volume.update(candle.volume.value.doubleValue)
        guard let prior, let ratio, ratio >= minVolumeRatio else { return nil }
        let action: Trigger.Action
        let level: Double
        if close > prior.highest {
            (action, level) = (.buyCall, prior.highest)
        } else if close < prior.lowest {
            (action, level) = (.buyPut, prior.lowest)
        } else {
            return nil
        }
        if let last = state.lastFired, last.duration(to: candle.time) < .seconds(Int64(debounceDays) * 86_400) {
            return nil
        }
        state.lastFired = candle.time
        return Trigger(
            signal: Self.name, symbol: symbol, action: action, strength: ratio / (2 * minVolumeRatio), confidence: 0.6,
            facts: [
                .breakout(close: candle.close, above: action == .buyCall, span: "\(rangeDays)-day", level: level),
                .volume(ratio: ratio, threshold: minVolumeRatio, rising: nil),
            ], time: candle.time)
    }
}
