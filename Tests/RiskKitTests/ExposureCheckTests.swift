import RiskKit
import Testing
import TraderCore

@Suite struct ExposureCheckTests {
    typealias S = RiskScenario

    @Test func entryFillingAnAssetCapExactlyIsApprovedUncut() {
        var scenario = RiskScenario()
        scenario.hold("9", of: S.eth)  // 18,000 of the 20,000 cap
        let evaluation = scenario.evaluate(buy(S.eth, pct: 2))
        #expect(evaluation.rejected.isEmpty)
        #expect(evaluation.approved.first?.quantity == Quantity("1"))
        #expect(evaluation.approved.first?.notional == 2_000)
        #expect(evaluation.approved.first?.adjustments == [])
    }

    @Test func entryOneUnitOverTheAssetCapIsCutToTheRoom() {
        var scenario = RiskScenario()
        scenario.hold("9", of: S.eth)
        let trade = scenario.evaluate(buy(S.eth, pct: 2.00000001)).approved.first
        #expect(trade?.quantity == Quantity("1"))
        #expect(trade?.adjustments.map(\.code) == [.assetExposureCap])
        #expect(trade?.adjustments.first?.limit == 20_000)
        #expect(trade?.adjustments.first?.value == FixedPoint("20000.00001"))
    }

    @Test func entryWithNoRoomLeftUnderTheAssetCapIsRefused() {
        var scenario = RiskScenario()
        scenario.hold("10", of: S.eth)
        let rejection = scenario.evaluate(buy(S.eth, pct: 1)).rejected.first
        #expect(rejection?.code == .assetExposureCap)
        #expect(rejection?.finding.limit == 20_000)
        #expect(rejection?.finding.value == 20_000)
    }

    @Test func perAssetCapReplacesTheDefault() {
        var scenario = RiskScenario()
        scenario.limits.exposure.assetCaps = ["ETH": 10]
        scenario.hold("5", of: S.eth)  // 10,000: the whole cap
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "asset_exposure_cap")
    }

    @Test func pendingBuyOrdersCountAgainstTheCap() {
        var scenario = RiskScenario()
        scenario.hold("9", of: S.eth)
        scenario.working(.buy, "0.5", of: S.eth)  // 1,000 pending
        let trade = scenario.evaluate(buy(S.eth, pct: 2)).approved.first
        #expect(trade?.quantity == Quantity("0.5"))
        #expect(trade?.adjustments.map(\.code) == [.assetExposureCap])
    }

    @Test func fillsNotYetInTheBalancesCountAgainstTheCap() {
        var scenario = RiskScenario()
        scenario.hold("9", of: S.eth)
        scenario.context.unreflectedBuys = [S.eth: 2_000]
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "asset_exposure_cap")
    }

    @Test func themeCapCountsEveryAssetOfTheTheme() {
        var scenario = RiskScenario()
        scenario.limits.exposure.themeCaps = ["smart_contracts": 25]
        scenario.hold("10", of: S.eth)  // 20,000
        scenario.hold("40", of: S.sol)  // 4,000: 24,000 of the theme's 25,000
        let trade = scenario.evaluate(buy(S.sol, pct: 2)).approved.first
        #expect(trade?.notional == 1_000)
        #expect(trade?.adjustments.map(\.code) == [.themeExposureCap])
    }

    @Test func totalCapCountsEverything() {
        var scenario = RiskScenario()
        scenario.hold("0.4", of: S.btc)  // 20,000
        scenario.hold("10", of: S.eth)  // 20,000
        scenario.hold("200", of: S.sol)  // 20,000
        scenario.hold("100000", of: S.doge)  // 10,000: 70,000 in all, the total cap
        #expect(scenario.evaluate(buy(S.doge, pct: 1)).onlyCode == "total_exposure_cap")
    }

    @Test func approvalsInOneEvaluationCountAgainstTheProposalsAfterThem() {
        var scenario = RiskScenario()
        scenario.limits.pacing.minTimeBetweenTrades = .zero
        scenario.hold("8", of: S.eth)  // 16,000
        let evaluation = scenario.evaluate([buy(S.eth, pct: 3), buy(S.eth, pct: 3)])
        #expect(evaluation.approved.map(\.notional) == [3_000, 1_000])
        #expect(evaluation.approved.last?.adjustments.map(\.code) == [.assetExposureCap])
    }

    @Test func maxOpenPositionsRefusesANewSymbolButNotAnOpenOne() {
        var scenario = RiskScenario()
        scenario.limits.exposure.maxOpenPositions = 2
        scenario.hold("1", of: S.eth)
        scenario.working(.buy, "1", of: S.sol)  // pending: counts as open
        let evaluation = scenario.evaluate(buy(S.btc, pct: 1))
        #expect(evaluation.onlyCode == "max_open_positions")
        #expect(evaluation.rejected.first?.finding.limit == 2)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func entryAboveMaxSizeIsCutToIt() {
        let trade = RiskScenario().evaluate(buy(S.eth, pct: 8)).approved.first
        #expect(trade?.notional == 5_000)
        #expect(trade?.adjustments.map(\.code) == [.maxSize])
    }
}
