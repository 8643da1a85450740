import Backtest
import Testing
import TradingEngine
import TraderCore

/// What a cycle's outcome records, and that an outcome refilled in place records exactly what a
/// fresh one does.
@Suite struct CycleOutcomeTests {
    private let market = ExecutionPolicy(style: .market, strategyID: "t")

    @Test func aCandleTheBadTickGuardRejectsIsRecordedInTheOutcomeAndTheTally() throws {
        var harness = try EngineHarness(execution: market)
        for _ in 0..<4 { _ = harness.step() }
        // Bar 4 doubles the close with no volume history to confirm it (the preset's guard stops
        // moves above 50 %).
        let jump = harness.step()
        #expect(jump.rejectedCandles.map { "\($0.symbol) \($0.code)" } == ["BTC-USD bad_tick"])
        #expect(
            jump.rejectedCandles.first?.detail
                == "close moved 100% from 10 (limit 50%) with no volume history, below the 1× that confirms it")
        #expect(jump.proposals.isEmpty)
        #expect(jump.noTradeReason == .noSignal)
        var tally = DecisionTally()
        tally.count(jump)
        #expect(tally.counts == ["bad_tick": 1])
        #expect(tally.cyclesWithoutSignal == 1)
    }

    @Test func anOutcomeRefilledInPlaceRecordsWhatAFreshOneDoes() throws {
        var fresh = try EngineHarness(execution: market)
        var refilled = try EngineHarness(execution: market)
        var outcome = CycleOutcome()
        var placed = 0
        for _ in 0..<8 {
            let expected = fresh.step()
            refilled.step(into: &outcome)
            #expect(outcome.cycle == expected.cycle)
            #expect(outcome.time == expected.time)
            #expect(outcome.decision == expected.decision)
            #expect(EngineHarness.summary(outcome) == EngineHarness.summary(expected))
            #expect(outcome.risk == expected.risk)
            #expect(outcome.noTradeReason == expected.noTradeReason)
            #expect(outcome.universeRejections == expected.universeRejections)
            #expect(outcome.droppedRequotes == expected.droppedRequotes)
            placed += expected.intents.count
        }
        // The run placed an order and then went quiet: the refilled outcome emptied its intents.
        #expect(placed == 1)
        #expect(outcome.intents.isEmpty)
    }
}
