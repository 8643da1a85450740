import Signals
import Testing
import TraderCore

@Suite struct SignalRegistryTests {
    private let btc = Symbol(base: "BTC", quote: "USD")

    @Test func anUnknownNameIsReportedWithASuggestion() {
        let problems = SignalRegistry.problems(with: SignalSpec(name: "momentun"))
        #expect(problems.map(\.code) == ["unknown_signal"])
        #expect(
            problems.first?.message
                == "no signal named \"momentun\"; registered: ema_cross, mean_reversion, momentum, price_move, scalp, volume_spike, whale; did you mean \"momentum\"?"
        )
    }

    @Test func unknownAndInvalidParametersAreEachReported() {
        let spec = SignalSpec(name: "momentum", parameters: ["lookback_bars": 20.5, "window": 3, "min_move_pct": 1])
        let problems = SignalRegistry.problems(with: spec)
        #expect(problems.map(\.code) == ["invalid_signal_parameter", "unknown_signal_parameter"])
        #expect(problems.map(\.parameter) == ["lookback_bars", "window"])
        #expect(problems.first?.message == "momentum.lookback_bars must be a whole number from 1 to 10000, got 20.5")
    }

    @Test func scalpNeedsFastBelowSlowAndOversoldBelowOverbought() {
        let problems = SignalRegistry.problems(
            with: SignalSpec(name: "scalp", parameters: ["fast_period": 30, "oversold": 80]))
        #expect(problems.map(\.parameter) == ["fast_period", "oversold"])
    }

    @Test func aBuiltSignalBehavesExactlyLikeTheConcreteOne() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var built = try SignalRegistry.make(
            SignalSpec(name: "mean_reversion", parameters: ["lookback_bars": 50, "entry_zscore": 2.5]), for: btc)
        var concrete = MeanReversionSignal(symbol: btc, lookback: 50, entryZScore: 2.5)
        #expect(built.name == "mean_reversion")
        for index in bars.close.indices {
            let candle = bars.candle(index)
            #expect(built.update(candle) == concrete.update(candle))
        }
    }

    @Test func defaultsFillAbsentParameters() throws {
        var whale = try SignalRegistry.make(SignalSpec(name: "whale"), for: btc)
        #expect(whale.whaleState == WhaleSignal.State())
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var fired = 0
        for index in bars.close.indices where whale.update(bars.candle(index)) != nil { fired += 1 }
        #expect(fired == 58)
    }
}
