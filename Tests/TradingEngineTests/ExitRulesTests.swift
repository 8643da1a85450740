import Foundation
import Testing
import TradingEngine
import TraderCore

/// The per-position exits: each rule at its exact level, checked in order; and in the engine, an
/// exit is a sell proposal named by its reason that fires once a position, remembered across a
/// restart.
@Suite struct ExitRulesTests {
    static let start = Timestamp(secondsSinceEpoch: 1_794_841_200)

    /// The reason for a position entered at 100 on average, its high `high`, held `minutes`,
    /// entered in `entered` and now in `regime`, at `mark`.
    static func reason(
        _ rules: ExitRules, mark: String, high: String = "100", minutes: Int64 = 0, entered: Regime? = .trend, regime: Regime? = .trend,
        atr: Double? = nil
    ) -> ExitRules.Reason? {
        let watch = ExitWatch(openedAt: start, highest: Price(high)!, regime: entered, atrAtEntry: atr)
        return rules.reason(entry: Price(100), mark: Price(mark)!, watch: watch, regime: regime, now: start.advanced(bySeconds: minutes * 60))
    }

    @Test func eachExitFiresAtItsLevelAndNotAHairBefore() {
        let stop = ExitRules(stopLossPct: 5)
        #expect(Self.reason(stop, mark: "95") == .stopLoss)
        #expect(Self.reason(stop, mark: "95.00000001") == nil)
        // Two ATRs of 2.5 below 100; with a 3 % stop too, the nearer one (97) applies.
        let volatile = ExitRules(stopLossATR: 2)
        #expect(Self.reason(volatile, mark: "95", atr: 2.5) == .stopLoss)
        #expect(Self.reason(volatile, mark: "95.00000001", atr: 2.5) == nil)
        #expect(Self.reason(volatile, mark: "50") == nil)  // no ATR at entry: no ATR stop
        #expect(Self.reason(ExitRules(stopLossPct: 3, stopLossATR: 2), mark: "97", atr: 2.5) == .stopLoss)
        let profit = ExitRules(takeProfitPct: 10)
        #expect(Self.reason(profit, mark: "110") == .takeProfit)
        #expect(Self.reason(profit, mark: "109.99999999") == nil)
        // 3 % below a high of 120, once the high is 10 % above the entry: 116.40.
        let trailing = ExitRules(trailingStopPct: 3, trailingActivationPct: 10)
        #expect(Self.reason(trailing, mark: "116.4", high: "120") == .trailingStop)
        #expect(Self.reason(trailing, mark: "116.41", high: "120") == nil)
        #expect(Self.reason(trailing, mark: "105", high: "109.99") == nil)  // not yet activated
        let held = ExitRules(maxHold: .seconds(3_600))
        #expect(Self.reason(held, mark: "100", minutes: 60) == .maxHoldTime)
        #expect(Self.reason(held, mark: "100", minutes: 59) == nil)
        let regime = ExitRules(exitOnRegimeChange: true)
        #expect(Self.reason(regime, mark: "100", regime: .chop) == .regimeExit)
        #expect(Self.reason(regime, mark: "100", regime: nil) == nil)
        #expect(Self.reason(regime, mark: "100", entered: nil, regime: .chop) == nil)
    }

    @Test func theROITableAsksLessTheLongerAPositionIsHeld() {
        let roi = ExitRules(minimalROI: [
            .init(after: .seconds(3_600), gainPct: 4), .init(after: .zero, gainPct: 8), .init(after: .seconds(14_400), gainPct: 1),
        ])
        #expect(Self.reason(roi, mark: "107.99", minutes: 59) == nil)
        #expect(Self.reason(roi, mark: "108", minutes: 59) == .roiReached)
        #expect(Self.reason(roi, mark: "104", minutes: 60) == .roiReached)
        #expect(Self.reason(roi, mark: "103.99", minutes: 239) == nil)
        #expect(Self.reason(roi, mark: "101", minutes: 240) == .roiReached)
    }

    @Test func theFirstRuleMetInItsOrderNamesTheExit() {
        let rules = ExitRules(stopLossPct: 5, takeProfitPct: 10, maxHold: .seconds(60), exitOnRegimeChange: true)
        #expect(Self.reason(rules, mark: "90", minutes: 5, regime: .bear) == .stopLoss)
        #expect(Self.reason(rules, mark: "111", minutes: 5, regime: .bear) == .takeProfit)
        #expect(Self.reason(rules, mark: "100", minutes: 5, regime: .bear) == .maxHoldTime)
    }

    @Test func anExitSellsOncePerPositionAndItsMemorySurvivesARestart() throws {
        let market = ExecutionPolicy(style: .market, strategyID: "t")
        var harness = try EngineHarness(execution: market, exits: ExitRules(maxHold: .seconds(120)))
        let entry = try harness.placeAndSubmit()  // bought on bar 5, at 20
        let fill = harness.fill("0.01")
        try harness.engine.apply(.fill(fill), to: entry.clientOrderID, at: fill.time)
        #expect(EngineHarness.summary(harness.step()).isEmpty)  // bar 6: the position is seen open
        let opened = try #require(harness.engine.exitWatches[EngineHarness.btc])
        #expect(opened.openedAt == EngineHarness.close(ofBar: 6), "\(opened)")
        #expect(opened.highest == Price("20.005")! && opened.fired.isEmpty, "\(opened)")  // the mid
        #expect(EngineHarness.summary(harness.step()).isEmpty)  // bar 7: held one minute
        let exit = harness.step()  // bar 8: held two
        #expect(EngineHarness.summary(exit) == ["place t-BTC-USD-SELL-2 0.01"])
        #expect(exit.decision.proposals.map(\.signal) == ["max_hold_time"])
        // The sell is refused by the venue: the position stays, and the exit does not fire again,
        // before a restart or after it.
        guard case .place(let sell, _) = exit.intents.first else { return }
        try harness.engine.apply(.submit, to: sell.clientOrderID, at: EngineHarness.close(ofBar: 8))
        try harness.engine.apply(.reject(reason: "INSUFFICIENT_FUND"), to: sell.clientOrderID, at: EngineHarness.close(ofBar: 8))
        let saved = try JSONDecoder().decode(EngineState.self, from: Data(try harness.engine.state.encodedJSON()))
        #expect(saved.exitWatches[EngineHarness.btc]?.fired == [.maxHoldTime])
        harness.engine = try TradingEngine(configuration: harness.engine.configuration, restoring: saved)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
        #expect(harness.engine.exitWatches[EngineHarness.btc]?.fired == [.maxHoldTime])
    }
}
