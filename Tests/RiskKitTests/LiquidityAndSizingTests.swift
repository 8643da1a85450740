import CostModel
import RiskKit
import Testing
import TraderCore

@Suite struct LiquidityAndSizingTests {
    typealias S = RiskScenario

    private func withQuote(bid: String, ask: String) -> RiskScenario {
        var scenario = RiskScenario()
        scenario.context.quotes[S.eth] = Quote(
            symbol: S.eth, bid: Price(bid)!, ask: Price(ask)!, bidSize: Quantity("1")!, askSize: Quantity("1")!, time: S.start)
        return scenario
    }

    @Test func aSpreadExactlyAtTheLimitPassesAndOneTickWiderIsRefused() {
        // 5 on a mid of 2000 is exactly 25 bps.
        #expect(withQuote(bid: "1997.5", ask: "2002.5").evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
        let wide = withQuote(bid: "1997.49", ask: "2002.5").evaluate(buy(S.eth, pct: 1))
        #expect(wide.onlyCode == "spread_too_wide")
        #expect(wide.rejected.first?.finding.limit == 25)
        #expect(wide.rejected.first?.finding.value == FixedPoint("25.05006263"))  // 5.01 / 1999.995 × 10⁴, to 10⁻⁸
    }

    @Test func wideSpreadsDoNotBlockExits() {
        var scenario = withQuote(bid: "1900", ask: "2000")
        scenario.hold("1", of: S.eth)
        #expect(scenario.evaluate(sell(S.eth)).approved.first?.referencePrice == Price("1900"))
    }

    @Test func depthExactlyAtTheMinimumPassesAndOneUnitLessIsRefused() {
        var scenario = RiskScenario()
        scenario.context.books[S.eth] = BookSnapshot(
            symbol: S.eth, bids: [.init(price: Price("1999.99")!, quantity: Quantity("25")!), .init(price: Price("1990")!, quantity: Quantity("100")!)],
            asks: [.init(price: Price("2000")!, quantity: Quantity("25")!)], time: S.start)
        scenario.limits.liquidity.minDepthWithin20Bps = FixedPoint("49999.75")!  // the bid side within 20 bps
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
        scenario.limits.liquidity.minDepthWithin20Bps = FixedPoint("49999.75000001")!
        let thin = scenario.evaluate(buy(S.eth, pct: 1))
        #expect(thin.onlyCode == "insufficient_depth")
        #expect(thin.rejected.first?.finding.value == FixedPoint("49999.75"))
    }

    @Test func noBookMeansNoEntry() {
        var scenario = RiskScenario()
        scenario.context.books[S.eth] = nil
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "missing_book")
    }

    @Test func sizesRoundDownToTheIncrement() {
        // 1 % of 100,000 at 2,000 is 0.5 ETH; 1.23456 % is 0.617280 ETH, rounded down to 0.6172.
        let trade = RiskScenario().evaluate(buy(S.eth, pct: 1.23456)).approved.first
        #expect(trade?.quantity == Quantity("0.6172"))
        #expect(trade?.notional == FixedPoint("1234.4"))
    }

    @Test func theMinimumNotionalIsCheckedAfterTakerFees() {
        var scenario = RiskScenario()
        // A 20 % taker fee makes the boundary exact: 12.50 less 2.50 is 10.00, the minimum.
        scenario.limits.sizing.fees = FeeRates(makerBps: 0, takerBps: 2_000)
        scenario.context.products[S.doge] = ProductRules(
            symbol: S.doge, baseIncrement: Quantity("1")!, priceIncrement: Price("0.00001")!, minSize: Quantity("1")!,
            maxSize: Quantity("1000000000")!, minNotional: 1, status: .online)
        let atMinimum = scenario.evaluate(buy(S.doge, pct: 0.0125)).approved.first
        #expect(atMinimum?.quantity == Quantity("125"))
        #expect(atMinimum?.notional == FixedPoint("12.5"))
        let under = scenario.evaluate(buy(S.doge, pct: 0.0124))
        #expect(under.onlyCode == "below_min_notional")
        #expect(under.rejected.first?.finding.limit == 10)
        #expect(under.rejected.first?.finding.value == FixedPoint("9.92"))  // 12.40 less a 2.48 fee
    }

    @Test func theProductsMinimumSizeIsKept() {
        var scenario = RiskScenario()
        scenario.limits.sizing.minNotional = 0
        scenario.context.products[S.btc] = ProductRules(
            symbol: S.btc, baseIncrement: Quantity("0.00000001")!, priceIncrement: Price("0.01")!, minSize: Quantity("0.001")!,
            maxSize: Quantity("100")!, minNotional: 1, status: .online)
        #expect(scenario.evaluate(buy(S.btc, pct: 0.05)).approved.first?.quantity == Quantity("0.001"))
        #expect(scenario.evaluate(buy(S.btc, pct: 0.04999)).onlyCode == "below_min_size")
    }

    @Test func aSellExitsTheWholePositionNotAlreadyBeingSold() {
        var scenario = RiskScenario()
        scenario.hold("3", of: S.eth)
        scenario.working(.sell, "1", of: S.eth)
        let trade = scenario.evaluate(sell(S.eth)).approved.first
        #expect(trade?.quantity == Quantity("2"))
        #expect(trade?.referencePrice == Price("1999.99"))
    }

    @Test func aSellWithNothingLeftToSellIsRefused() {
        var scenario = RiskScenario()
        #expect(scenario.evaluate(sell(S.eth)).onlyCode == "no_position")
        scenario.hold("1", of: S.eth)
        scenario.working(.sell, "1", of: S.eth)
        #expect(scenario.evaluate(sell(S.eth)).onlyCode == "no_position")
        #expect(RiskScenario().evaluate([sell(S.eth), sell(S.eth)]).rejected.count == 2)
    }

    @Test func twoSellsOfOnePositionInOneEvaluationSellItOnce() {
        var scenario = RiskScenario()
        scenario.hold("1", of: S.eth)
        let evaluation = scenario.evaluate([sell(S.eth), sell(S.eth)])
        #expect(evaluation.approved.count == 1)
        #expect(evaluation.rejected.map(\.code) == [.noPosition])
    }

    @Test func missingProductRulesRefuse() {
        var scenario = RiskScenario()
        scenario.context.products[S.eth] = nil
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "missing_product_rules")
    }
}

@Suite struct OptionContractSizerTests {
    let sizer = OptionContractSizer(maxRiskPct: 1, stopLossPct: 50)

    @Test func contractsAreTheRiskBudgetOverTheStopLossPerContract() throws {
        // 1 % of 100,000 is 1,000; a 2.50 premium × 100 risks 125 at a 50 % stop: 8 contracts.
        #expect(try sizer.contracts(equity: 100_000, premium: Price("2.5")!, multiplier: 100, room: 100_000).get() == 8)
        #expect(try sizer.contracts(equity: 100_000, premium: Price("2.51")!, multiplier: 100, room: 100_000).get() == 7)
    }

    @Test func atLeastOneContractWhenTheCapsAllowIt() throws {
        #expect(try sizer.contracts(equity: 1_000, premium: Price("5")!, multiplier: 100, room: 500).get() == 1)
    }

    @Test func theCapsLimitTheCount() throws {
        #expect(try sizer.contracts(equity: 100_000, premium: Price("2.5")!, multiplier: 100, room: 750).get() == 3)
    }

    @Test func oneContractAboveTheRoomIsRefused() {
        let result = sizer.contracts(equity: 1_000, premium: Price("5")!, multiplier: 100, room: FixedPoint("499.99")!)
        #expect(throws: RiskFinding.self) { try result.get() }
        if case .failure(let finding) = result {
            #expect(finding.code == .optionContractExceedsCap)
            #expect(finding.limit == FixedPoint("499.99"))
            #expect(finding.value == 500)
        }
    }
}
