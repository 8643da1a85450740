import Signals
import Testing
import TraderCore

@Suite struct RulesEngineTests {
    private let engine = RulesEngine(
        configuration: .init(
            regimes: [
                .trend: .init(allowedSignals: ["momentum", "price_move"], sizingMultiplier: 1),
                .chop: .init(allowedSignals: ["mean_reversion"], sizingMultiplier: 0.5),
                .bear: .init(allowedSignals: ["mean_reversion"], sizingMultiplier: 0),
            ], baseSizePct: 2, maxSizePct: 5, convictionMultipliers: [.low: 0.5, .medium: 1, .high: 1.5],
            minConfidence: 0.3))

    /// A hand-made trigger (mechanics only).
    private func trigger(_ signal: String, _ base: String, _ action: Trigger.Action, confidence: Double, strength: Double = 0.5)
        -> Trigger
    {
        Trigger(
            signal: signal, symbol: Symbol(base: base, quote: "USD"), action: action, strength: strength,
            confidence: confidence, reasons: ["\(signal) fired"], time: Timestamp(secondsSinceEpoch: 0))
    }

    private func symbol(_ base: String) -> Symbol { Symbol(base: base, quote: "USD") }

    @Test func everyTriggerBecomesAProposalOrASuppressionWithItsCode() {
        let triggers = [
            trigger("momentum", "BTC", .buy, confidence: 0.9, strength: 0.7),
            trigger("price_move", "BTC", .buy, confidence: 0.6, strength: 0.5),
            trigger("mean_reversion", "ETH", .sell, confidence: 0.9),
            trigger("price_move", "SOL", .buy, confidence: 0.2),
            trigger("momentum", "DOGE", .buy, confidence: 0.9),
            trigger("price_move", "DOGE", .sell, confidence: 0.9),
            trigger("momentum", "AVAX", .buy, confidence: 0.9),
            trigger("whale", "SPY", .buyCall, confidence: 0.9),
            trigger("mean_reversion", "LINK", .buy, confidence: 0.9),
        ]
        let regimes: SymbolMap<Regime> = [
            symbol("BTC"): .trend, symbol("ETH"): .trend, symbol("SOL"): .trend, symbol("DOGE"): .trend,
            symbol("SPY"): .trend, symbol("LINK"): .bear,
        ]
        let outcome = engine.evaluate(triggers, regimes: regimes)
        #expect(outcome.proposals.count == 1)
        let proposal = outcome.proposals[0]
        #expect(proposal.symbol == symbol("BTC") && proposal.side == .buy && proposal.signal == "momentum")
        #expect(proposal.sizePct == 3 && proposal.conviction == .high)
        #expect(proposal.reasons == ["momentum fired", "regime trend"])
        #expect(outcome.suppressions.map { "\($0.trigger.symbol.base):\($0.code)" }.sorted() == [
            "AVAX:regime_unknown", "BTC:superseded_by_stronger_trigger", "DOGE:conflicting_triggers",
            "DOGE:conflicting_triggers", "ETH:regime_disallows_signal", "LINK:zero_size", "SOL:below_min_confidence",
            "SPY:options_action_not_spot",
        ])
        #expect(outcome.suppressions.first { $0.code == "below_min_confidence" }?.detail == "confidence 0.2 < 0.3")
        #expect(
            outcome.suppressions.first { $0.code == "superseded_by_stronger_trigger" }?.detail
                == "momentum fired with strength 0.7")
        #expect(outcome.suppressions.first { $0.code == "zero_size" }?.detail == "size in regime bear is 0% of NAV")
    }

    @Test func sizeIsCappedAtTheMaximum() {
        var configuration = engine.configuration
        configuration.baseSizePct = 4
        let outcome = RulesEngine(configuration: configuration).evaluate(
            [trigger("momentum", "BTC", .buy, confidence: 0.95)], regimes: [symbol("BTC"): .trend])
        #expect(outcome.proposals.map(\.sizePct) == [5])
    }
}

@Suite struct RegimeAndScannerTests {
    private let btc = Symbol(base: "BTC", quote: "USD")

    @Test func regimesFollowTheirDefinitionOnRealCandles() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var classifier = RegimeClassifier()
        let actual = bars.close.indices.map { classifier.update(bars.candle($0)) }
        let fast = Textbook.ema(bars.close, 50)
        let slow = Textbook.ema(bars.close, 200)
        let expected = bars.close.indices.map { i -> Regime? in
            guard i >= 199 + 24, let f = fast[i], let s = slow[i], let before = slow[i - 24] else { return nil }
            if bars.close[i] > s, f > s { return .trend }
            if bars.close[i] < s, f < s, s < before { return .bear }
            return .chop
        }
        #expect(actual == expected)
        #expect(actual.filter { $0 == .trend }.count + actual.filter { $0 == .bear }.count + actual.filter { $0 == .chop }.count
            == bars.close.count - 223)
    }

    @Test func aRejectedCandleReachesNoSignal() throws {
        var scanner = try SignalScanner(
            symbols: [btc], specs: [SignalSpec(name: "volume_spike", parameters: ["lookback_bars": 2, "min_volume_ratio": 2])],
            guardConfiguration: .init(maxMovePct: 5, confirmingVolumeRatio: 100, confirmationBars: 3, volumePeriod: 2))
        func candle(_ minute: Int64, open: String, close: String, volume: String) -> Candle {
            let (o, c) = (Price(open)!, Price(close)!)
            return Candle(
                time: Timestamp(secondsSinceEpoch: minute * 60), open: o, high: max(o, c), low: min(o, c), close: c,
                volume: Quantity(volume)!)
        }
        _ = scanner.scan([btc: candle(0, open: "100", close: "100", volume: "1")])
        _ = scanner.scan([btc: candle(1, open: "100", close: "101", volume: "1")])
        // A volume spike on a 40% jump: the signal would fire, but the guard rejects the candle first.
        let spike = scanner.scan([btc: candle(2, open: "101", close: "141", volume: "10")])
        #expect(spike.triggers.isEmpty)
        #expect(spike.rejectedCandles[btc]?.hasPrefix("close moved 39.6% from 101") == true)
        let rules = RulesEngine(
            configuration: .init(regimes: [:], baseSizePct: 1, maxSizePct: 1, convictionMultipliers: [:], minConfidence: 0))
        #expect(rules.evaluate(spike).noTrade.map { "\($0.symbol):\($0.code)" } == ["BTC-USD:bad_tick"])
        // The same spike on a sane price does fire.
        let sane = scanner.scan([btc: candle(3, open: "101", close: "103", volume: "30")])
        #expect(sane.triggers.map(\.signal) == ["volume_spike"])
    }
}
