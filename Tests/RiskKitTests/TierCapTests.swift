import RiskKit
import Testing
import TraderCore

/// The universe tiers' caps: one position's share of NAV and the whole tier's, held and pending.
@Suite struct TierCapTests {
    typealias S = RiskScenario

    /// `growth` holds SOL and DOGE: at most 6 % of NAV each, 10 % together.
    private static let tiers = TierMap(
        tiers: [.init(name: "growth", maxAllocationPct: 10, maxPositionPct: 6)], tierOf: [S.sol: "growth", S.doge: "growth"])

    private func scenario() -> RiskScenario {
        var scenario = RiskScenario()
        scenario.context.tiers = Self.tiers
        return scenario
    }

    @Test func anEntryPastItsTierPositionCapIsCutToTheRoom() {
        var scenario = scenario()
        scenario.hold("30", of: S.sol)  // 3,000 of SOL's 6,000
        let trade = scenario.evaluate(buy(S.sol, pct: 4)).approved.first
        #expect(trade?.notional == 3_000)
        #expect(trade?.adjustments.map(\.code) == [.tierPositionCap])
        #expect(trade?.adjustments.first?.limit == 6_000)
        #expect(trade?.adjustments.first?.value == 7_000)
    }

    @Test func pendingBuysCountAgainstTheTierAllocation() {
        var scenario = scenario()
        scenario.hold("50", of: S.sol)  // 5,000
        scenario.working(.buy, "40000", of: S.doge)  // 4,000 pending: 9,000 of the tier's 10,000
        let trade = scenario.evaluate(buy(S.doge, pct: 2)).approved.first
        #expect(trade?.notional == 1_000)
        #expect(trade?.adjustments.map(\.code) == [.tierAllocationCap])
    }

    @Test func aFullTierRefusesTheEntryAndLeavesOtherSymbolsAlone() {
        var scenario = scenario()
        scenario.hold("60", of: S.sol)  // 6,000
        scenario.hold("40000", of: S.doge)  // 4,000: the tier's 10,000
        #expect(scenario.evaluate(buy(S.doge, pct: 1)).onlyCode == "tier_allocation_cap")
        #expect(scenario.evaluate(buy(S.sol, pct: 1)).onlyCode == "tier_position_cap")
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }
}
