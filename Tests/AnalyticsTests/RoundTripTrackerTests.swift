import Analytics
import Testing
import TraderCore

@Suite struct RoundTripTrackerTests {
    static let symbol = Symbol(base: "BTC", quote: "USD")
    static let usd = Currency(code: "USD")

    static func fill(_ id: String, price: FixedPoint, quantity: FixedPoint, fee: FixedPoint, maker: Bool, at seconds: Int64)
        -> Fill
    {
        Fill(
            tradeID: TradeID(id), price: Price(price), quantity: Quantity(quantity), fee: Money(fee, usd),
            liquidity: maker ? .maker : .taker, time: Timestamp(secondsSinceEpoch: seconds))
    }

    static func origin(mid: FixedPoint, signal: String = "momentum") -> OrderOrigin {
        OrderOrigin(signal: signal, regime: .trend, decisionMid: Price(mid))
    }

    @Test func twoEntryFillsAndOneExitMakeOneRoundTripWithWeightedPrices() throws {
        var tracker = RoundTripTracker(tiers: [Self.symbol: "core"])
        #expect(try tracker.record(Self.fill("1", price: 100, quantity: 1, fee: 1, maker: true, at: 60), symbol: Self.symbol, side: .buy, origin: Self.origin(mid: 101)) == nil)
        #expect(try tracker.record(Self.fill("2", price: 103, quantity: 2, fee: 2, maker: false, at: 120), symbol: Self.symbol, side: .buy, origin: Self.origin(mid: 101)) == nil)
        let trip = try #require(
            try tracker.record(Self.fill("3", price: 110, quantity: 3, fee: 3, maker: true, at: 600), symbol: Self.symbol, side: .sell, origin: Self.origin(mid: 111, signal: "exit")))
        #expect(trip.entryPrice == Price(102))  // (100 × 1 + 103 × 2) / 3
        #expect(trip.exitPrice == Price(110))
        #expect(trip.quantity == Quantity(3))
        #expect(trip.fees == 6)
        #expect(trip.fills == 3)
        #expect(trip.makerFills == 2)
        #expect(trip.signal == "momentum")
        #expect(trip.tier == "core")
        #expect(trip.holdTime == .seconds(540))
        // gross (110 − 102) × 3 = 24, net 18; edge (111 − 101) × 3 = 30; entry (101 − 102) × 3 = −3;
        // exit (110 − 111) × 3 = −3.
        #expect(trip.netPnL == 18)
        #expect(trip.attribution.edge == 30)
        #expect(trip.attribution.entrySlippage == -3)
        #expect(trip.attribution.exitSlippage == -3)
        #expect(tracker.openSymbols.isEmpty)
    }

    @Test func aFillThroughFlatEndsOneRoundTripAndOpensTheNextWithItsShareOfTheFee() throws {
        var tracker = RoundTripTracker()
        _ = try tracker.record(Self.fill("1", price: 100, quantity: 1, fee: 1, maker: false, at: 0), symbol: Self.symbol, side: .buy, origin: Self.origin(mid: 100))
        let trip = try #require(
            try tracker.record(Self.fill("2", price: 90, quantity: 4, fee: 4, maker: false, at: 60), symbol: Self.symbol, side: .sell, origin: Self.origin(mid: 90)))
        #expect(trip.quantity == Quantity(1))
        #expect(trip.fees == 2)  // 1 on entry, a quarter of the exit fill's 4
        #expect(trip.netPnL == -12)
        #expect(tracker.openSymbols == [Self.symbol])
        let short = try #require(
            try tracker.record(Self.fill("3", price: 80, quantity: 3, fee: 3, maker: false, at: 120), symbol: Self.symbol, side: .buy, origin: Self.origin(mid: 80)))
        #expect(short.side == .sell)
        #expect(short.fees == 6)  // 3 of the through fill, 3 of the cover
        #expect(short.netPnL == 24)  // (90 − 80) × 3 − 6
    }
}
