import RiskKit
import Testing
import TraderCore

/// Adds to an open position: at most `max_entries_per_position` entries, spaced, each cheaper
/// than the last by the improvement asked; a first entry, an exit and a re-quote are never adds.
@Suite struct PositionAddTests {
    typealias S = RiskScenario

    /// ETH held after one entry at 1,990 placed at `S.start`, now `secondsLater` on (the ask is 2,000),
    /// with `adds`.
    private func heldOnce(_ adds: AddLimits, secondsLater: Int64 = 7_200) -> RiskScenario {
        var scenario = RiskScenario()
        scenario.limits.adds = adds
        scenario.hold("1", of: S.eth)
        scenario.state.recordEntry(S.eth, at: S.start, price: Price(1_990), opensPosition: true)
        scenario.advance(seconds: secondsLater)
        return scenario
    }

    @Test func aSecondEntryIsRefusedWhenOnePositionTakesOne() {
        let evaluation = heldOnce(AddLimits(maxEntriesPerPosition: 1)).evaluate(buy(S.eth, pct: 1))
        #expect(evaluation.onlyCode == "max_entries_per_position")
        #expect(evaluation.rejected.first?.finding.limit == 1)
        #expect(evaluation.rejected.first?.finding.value == 1)
        #expect(heldOnce(AddLimits(maxEntriesPerPosition: 2)).evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func anAddWaitsTheSpacingToTheSecond() {
        let early = heldOnce(AddLimits(minTimeBetweenAdds: .seconds(3_600)), secondsLater: 3_599).evaluate(buy(S.eth, pct: 1))
        #expect(early.onlyCode == "add_too_soon")
        #expect(early.rejected.first?.finding.value == 3_599)
        #expect(heldOnce(AddLimits(minTimeBetweenAdds: .seconds(3_600)), secondsLater: 3_600).evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func anAddMustBuyTheImprovementBelowTheLastEntry() {
        // 1 % below 1,990 is 1,970.10: the ask of 2,000 is not.
        let dear = heldOnce(AddLimits(minImprovementPct: 1)).evaluate(buy(S.eth, pct: 1))
        #expect(dear.onlyCode == "add_without_improvement")
        #expect(dear.rejected.first?.finding.limit == FixedPoint("1970.1")!)
        #expect(dear.rejected.first?.finding.value == 2_000)
        var cheaper = RiskScenario()
        cheaper.limits.adds = AddLimits(minImprovementPct: 1)
        cheaper.hold("1", of: S.eth)
        cheaper.state.recordEntry(S.eth, at: S.start, price: Price("2020.21")!, opensPosition: true)  // 1 % above the ask
        #expect(cheaper.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func aFirstEntryAnExitAndARequoteAreNotAdds() {
        let limits = AddLimits(maxEntriesPerPosition: 1, minTimeBetweenAdds: .seconds(86_400), minImprovementPct: 50)
        var flat = RiskScenario()
        flat.limits.adds = limits
        flat.state.recordEntry(S.eth, at: S.start, price: Price(1_990), opensPosition: true)  // a position since closed
        #expect(flat.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
        let held = heldOnce(limits)
        #expect(held.evaluate(sell(S.eth)).rejected.isEmpty)
        let requote = TradeProposal(
            symbol: S.eth, side: .buy, sizePct: 1, confidence: 1, conviction: .medium, signal: "momentum",
            facts: [.requote(number: 1, of: ClientOrderID("eth-1"))])
        #expect(held.evaluate(requote).rejected.isEmpty)
    }

    @Test func entriesCountFromEachNewPosition() {
        var state = RiskState()
        state.recordEntry(S.eth, at: S.start, price: Price(2_000), opensPosition: true)
        state.recordEntry(S.eth, at: S.start.advanced(by: .seconds(60)), price: Price(1_990), opensPosition: false)
        #expect(state.positionEntries[S.eth] == RiskState.PositionEntries(count: 2, lastAt: S.start.advanced(by: .seconds(60)), lastPrice: Price(1_990)))
        state.recordEntry(S.eth, at: S.start.advanced(by: .seconds(120)), price: Price(1_980), opensPosition: true)
        #expect(state.positionEntries[S.eth]?.count == 1)
    }
}
