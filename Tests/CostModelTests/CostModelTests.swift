import CostModel
import Testing
import TraderCore

private func fixed(_ text: String) -> FixedPoint { FixedPoint(text)! }

@Suite struct FeeTests {
    @Test func feeOfARecordedCoinbaseFillIsExact() throws {
        // shared/fixtures/coinbase/list_orders_filled_market.json: filled_value 3.92, total_fees 0.03136 (0.8 % taker).
        let rates = FeeRates(maker: fixed("0.006"), taker: fixed("0.008"))
        #expect(try rates.fee(onNotional: fixed("3.92"), liquidity: .taker) == fixed("0.03136"))
    }

    @Test func basisPointsConvertToExactFractions() {
        let rates = FeeRates(makerBps: fixed("40"), takerBps: fixed("60"))
        #expect(rates.maker == fixed("0.004") && rates.taker == fixed("0.006"))
    }

    @Test func feesRoundUpSoEstimatesNeverFlatter() throws {
        let rates = FeeRates(maker: fixed("0.004"), taker: fixed("0.006"))
        #expect(try rates.fee(onNotional: fixed("0.00000001"), liquidity: .maker) == fixed("0.00000001"))
    }

    @Test func theTierIsChosenByThirtyDayVolumeAtItsExactBoundary() {
        let schedule = FeeSchedule(tiers: [
            .init(minimumVolume: .zero, rates: FeeRates(maker: fixed("0.006"), taker: fixed("0.012"))),
            .init(minimumVolume: fixed("10000"), rates: FeeRates(maker: fixed("0.004"), taker: fixed("0.006"))),
            .init(minimumVolume: fixed("50000"), rates: FeeRates(maker: fixed("0.0025"), taker: fixed("0.004"))),
        ])
        #expect(schedule.rates(forThirtyDayVolume: fixed("9999.99999999")).taker == fixed("0.012"))
        #expect(schedule.rates(forThirtyDayVolume: fixed("10000")).taker == fixed("0.006"))
        #expect(schedule.rates(forThirtyDayVolume: fixed("1000000")).maker == fixed("0.0025"))
    }
}

@Suite struct FeeAwareSizingTests {
    private let sizing = FeeAwareSizing(rates: FeeRates(maker: fixed("0.004"), taker: fixed("0.006")))

    /// BTC-USD as Coinbase lists it (shared/fixtures/coinbase/get_product.json).
    private func btcUSD(maxSize: String = "3400") -> ProductRules {
        ProductRules(
            symbol: Symbol(base: "BTC", quote: "USD"), baseIncrement: Quantity("0.00000001")!, priceIncrement: Price("0.01")!,
            minSize: Quantity("0.00000001")!, maxSize: Quantity(maxSize)!, minNotional: fixed("1"), status: .online)
    }

    @Test func aBudgetBuysTheLargestNotionalWhoseFeeStillFits() throws {
        let gross = try sizing.grossNotional(forBudget: fixed("100"), liquidity: .taker)
        #expect(gross == fixed("99.40357852"))
        let nextUp = FixedPoint(raw: gross.raw + 1)
        #expect(try nextUp.adding(sizing.rates.fee(onNotional: nextUp, liquidity: .taker)) > fixed("100"))
    }

    @Test func theGrossForANetIsTheLeastThatNetsIt() throws {
        let gross = try sizing.grossNotional(forNet: fixed("10"), liquidity: .taker)
        #expect(gross == fixed("10.06036218"))
        #expect(try sizing.netProceeds(ofGross: gross, liquidity: .taker) == fixed("10"))
        #expect(try sizing.netProceeds(ofGross: FixedPoint(raw: gross.raw - 1), liquidity: .taker) < fixed("10"))
    }

    @Test func theMinimumSizeClearsTheNetMinimumOnTheIncrement() throws {
        let size = try sizing.minimumSize(
            at: Price("68923.67")!, rules: btcUSD(), minimumNetNotional: fixed("10"), liquidity: .taker)
        #expect(size == Quantity("0.00014597"))
    }

    @Test func noSizeWhenEvenTheMaximumCannotClearTheMinimum() throws {
        let size = try sizing.minimumSize(
            at: Price("68923.67")!, rules: btcUSD(maxSize: "0.0001"), minimumNetNotional: fixed("10"), liquidity: .taker)
        #expect(size == nil)
    }
}

@Suite struct SlippageAndAttributionTests {
    private let model = SlippageModel(tiers: [
        .init(minimumVolume: .zero, spreadBps: fixed("30"), slippageBps: fixed("15")),
        .init(minimumVolume: fixed("10000000"), spreadBps: fixed("4"), slippageBps: fixed("2")),
    ])

    @Test func takerCostIsHalfTheSpreadPlusTheTiersSlippage() throws {
        #expect(try model.expectedCostBps(volume: fixed("50000000"), quotedSpreadBps: nil, liquidity: .taker) == fixed("4"))
        #expect(try model.expectedCostBps(volume: fixed("1000"), quotedSpreadBps: fixed("10"), liquidity: .taker) == fixed("20"))
        #expect(try model.expectedCostBps(volume: fixed("1000"), quotedSpreadBps: nil, liquidity: .maker) == .zero)
    }

    @Test func aTakerBuyExpectsToPayAboveTheMid() throws {
        let price = try model.expectedTakerPrice(mid: Price("10000")!, side: .buy, volume: fixed("50000000"), quotedSpreadBps: nil)
        #expect(price == Price("10004"))
        let sell = try model.expectedTakerPrice(mid: Price("10000")!, side: .sell, volume: fixed("50000000"), quotedSpreadBps: nil)
        #expect(sell == Price("9996"))
    }

    @Test func aRoundTripSplitsIntoEdgeSlippageAndFeesExactly() throws {
        let attribution = try RoundTripAttribution(
            side: .buy, quantity: Quantity("0.5")!, entryMid: Price("60000")!, entryPrice: Price("60010")!,
            exitMid: Price("61000")!, exitPrice: Price("60990")!, fees: fixed("36.6"))
        #expect(attribution.edge == fixed("500"))
        #expect(attribution.entrySlippage == fixed("-5"))
        #expect(attribution.exitSlippage == fixed("-5"))
        #expect(attribution.net == fixed("453.4"))
        let sum = try attribution.edge.adding(attribution.entrySlippage).adding(attribution.exitSlippage)
            .subtracting(attribution.fees)
        #expect(sum == attribution.net)
    }

    @Test func aShortRoundTripCountsTheMoveTheOtherWay() throws {
        let attribution = try RoundTripAttribution(
            side: .sell, quantity: Quantity("2")!, entryMid: Price("100")!, entryPrice: Price("99.9")!,
            exitMid: Price("95")!, exitPrice: Price("95.1")!, fees: fixed("0.8"))
        #expect(attribution.edge == fixed("10"))
        #expect(attribution.entrySlippage == fixed("-0.2"))
        #expect(attribution.exitSlippage == fixed("-0.2"))
        #expect(attribution.net == fixed("8.8"))
    }
}
