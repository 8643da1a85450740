import Foundation
import Testing
import TraderCore

/// Orders and positions on instruments: an option's notional is premium × multiplier × contracts,
/// and records saved before instruments and times in force were kept read as spot, GTC.
@Suite struct InstrumentTests {
    private let spy = Symbol(base: "SPY", quote: "USD")
    private var call: OptionContract {
        OptionContract(underlying: spy, expiry: "20261218", strike: Price("600")!, right: .call, multiplier: 100)
    }

    @Test func anOptionsNotionalIsPremiumTimesMultiplierTimesContracts() throws {
        let option = Instrument.option(call)
        #expect(try option.notional(at: Price("2.5")!, of: Quantity(3), rounding: .toNearestOrEven) == FixedPoint(750))
        #expect(try Instrument.spot(spy).notional(at: Price("2.5")!, of: Quantity(3), rounding: .toNearestOrEven) == FixedPoint("7.5")!)
        let order = Order(clientOrderID: ClientOrderID("o-1"), instrument: option, side: .buy, kind: .market, quantity: Quantity(3))
        #expect(order.symbol == spy)
        #expect(try order.notional(at: Price("2.5")!, of: Quantity(3), rounding: .up) == FixedPoint(750))
    }

    @Test func anOptionPositionCountsItsMultiplier() throws {
        var position = Position(instrument: .option(call))
        let buy = Fill(
            tradeID: TradeID("f-1"), price: Price("2.5")!, quantity: Quantity(3), fee: Money(FixedPoint("1.95")!, .usd), liquidity: .taker,
            time: Timestamp(secondsSinceEpoch: 0))
        try position.apply(buy, side: .buy)
        #expect(position.costBasis == FixedPoint(750))
        #expect(position.averageCost == Price("2.5")!)  // the average premium
        #expect(try position.marketValue(at: Price("3")!) == FixedPoint(900))
        #expect(try position.unrealizedPnL(at: Price("3")!) == FixedPoint(150))
        let sell = Fill(
            tradeID: TradeID("f-2"), price: Price("3.1")!, quantity: Quantity(1), fee: Money(FixedPoint("0.65")!, .usd), liquidity: .taker,
            time: Timestamp(secondsSinceEpoch: 60))
        try position.apply(sell, side: .sell)
        #expect(position.realizedPnL == FixedPoint(60))  // (3.1 − 2.5) × 100 × 1
        #expect(position.costBasis == FixedPoint(500))
    }

    @Test func anOptionOrderWithATimeInForceRoundTripsThroughJSON() throws {
        let order = Order(
            clientOrderID: ClientOrderID("o-2"), instrument: .option(call), side: .sell, kind: .limit(price: Price("4.2")!, postOnly: false),
            quantity: Quantity(2), timeInForce: .goodTillDate(Timestamp(secondsSinceEpoch: 1_797_000_000)))
        let decoded = try JSONDecoder().decode(Order.self, from: JSONEncoder().encode(order))
        #expect(decoded == order)
        #expect(decoded.instrument == .option(call))
        #expect(decoded.timeInForce == .goodTillDate(Timestamp(secondsSinceEpoch: 1_797_000_000)))
        var position = Position(instrument: .option(call))
        try position.apply(
            Fill(tradeID: TradeID("f-3"), price: Price("4.2")!, quantity: Quantity(1), fee: Money(.zero, .usd), liquidity: .maker,
                time: Timestamp(secondsSinceEpoch: 0)), side: .buy)
        #expect(try JSONDecoder().decode(Position.self, from: JSONEncoder().encode(position)) == position)
    }

    @Test func aSpotOrderSavedBeforeInstrumentsWereKeptReadsAsSpotGoodTillCancelled() throws {
        let spot = Order(clientOrderID: ClientOrderID("o-3"), symbol: spy, side: .buy, kind: .market, quantity: Quantity(1))
        let json = String(decoding: try JSONEncoder().encode(spot), as: UTF8.self)
        #expect(!json.contains("instrument") && !json.contains("timeInForce"))  // what an older version wrote
        let decoded = try JSONDecoder().decode(Order.self, from: Data(json.utf8))
        #expect(decoded.instrument == .spot(spy))
        #expect(decoded.timeInForce == .goodTillCancelled)
    }

    @Test func aContractReadFromAFileIsCheckedAsVenueDataIs() {
        let bad = #"{"underlying":"SPY-USD","expiry":"2026-12-18","strike":"600","right":"C","multiplier":100}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OptionContract.self, from: Data(bad.utf8)) }
    }
}
