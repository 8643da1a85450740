import Testing
import TraderCore

@Suite struct PositionTests {
    private let btc = Symbol(base: "BTC", quote: "USD")

    private func fill(_ id: String, _ price: String, _ quantity: String, fee: String = "0") -> Fill {
        Fill(
            tradeID: TradeID(id), price: Price(price)!, quantity: Quantity(quantity)!, fee: Money(FixedPoint(fee)!, .usd),
            liquidity: .maker, time: Timestamp(secondsSinceEpoch: 0))
    }

    @Test func buysAverageTheCostAndSellsRealizeAgainstIt() throws {
        var position = Position(symbol: btc)
        try position.apply(fill("1", "60000", "0.5", fee: "12"), side: .buy)
        try position.apply(fill("2", "66000", "0.5", fee: "13.2"), side: .buy)
        #expect(position.averageCost == Price("63000"))
        try position.apply(fill("3", "70000", "0.25", fee: "7"), side: .sell)
        #expect(position.realizedPnL.description == "1750")  // 0.25 × (70000 − 63000)
        #expect(position.feesPaid.description == "32.2")
        #expect(position.netRealizedPnL.description == "1717.8")
        #expect(position.quantity == Quantity("0.75"))
        #expect(position.costBasis.description == "47250")
        #expect(try position.unrealizedPnL(at: Price("64000")!).description == "750")
    }

    @Test func sellingEverythingRemovesTheWholeBasis() throws {
        var position = Position(symbol: btc)
        try position.apply(fill("1", "0.33333333", "3"), side: .buy)
        try position.apply(fill("2", "0.5", "1"), side: .sell)
        try position.apply(fill("3", "0.5", "2"), side: .sell)
        #expect(position.isFlat)
        #expect(position.costBasis == .zero)
        #expect(position.averageCost == nil)
        #expect(position.realizedPnL.description == "0.50000001")  // 1.5 − 0.99999999, nothing lost to rounding
    }

    @Test func aSpotPositionCannotGoShort() throws {
        var position = Position(symbol: btc)
        try position.apply(fill("1", "60000", "0.1"), side: .buy)
        #expect(throws: Position.Error.self) { try position.apply(fill("2", "60000", "0.2"), side: .sell) }
        #expect(position.quantity == Quantity("0.1"))
    }

    @Test func aFeeInAnotherCurrencyIsRefused() throws {
        var position = Position(symbol: btc)
        let btcFee = Fill(
            tradeID: TradeID("1"), price: Price("60000")!, quantity: Quantity("0.1")!, fee: Money(FixedPoint("0.0001")!, Currency("BTC")!),
            liquidity: .taker, time: Timestamp(secondsSinceEpoch: 0))
        do {
            try position.apply(btcFee, side: .buy)
            Issue.record("expected a fee-currency error")
        } catch let error as Position.Error {
            #expect(error.code == "fee_currency")
        }
        #expect(position.isFlat)
    }

    @Test func proRataIsOneRoundingWithoutOverflow() throws {
        let basis = FixedPoint("90000000000")!
        #expect(try basis.multiplied(by: FixedPoint("1000")!, dividedBy: FixedPoint("3000")!, rounding: .toNearestOrEven).description == "30000000000")
        #expect(throws: ArithmeticError.self) { try basis.multiplied(by: .ulp, dividedBy: .zero, rounding: .down) }
    }
}
