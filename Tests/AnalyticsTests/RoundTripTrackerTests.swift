import Analytics
import Testing
import TraderCore

@Suite struct RoundTripTrackerTests {
    static let symbol = Symbol(base: "BTC", quote: "USD")
    static let usd = Currency(code: "USD")

    static func fill(_ id: String, price: FixedPoint, quantity: FixedPoint, fee: FixedPoint, maker: Bool = false, at seconds: Int64) -> Fill {
        Fill(
            tradeID: TradeID(id), price: Price(price), quantity: Quantity(quantity), fee: Money(fee, usd),
            liquidity: maker ? .maker : .taker, time: Timestamp(secondsSinceEpoch: seconds))
    }

    static func origin(mid: FixedPoint, signal: String = "momentum") -> OrderOrigin {
        OrderOrigin(signal: signal, regime: .trend, decisionMid: Price(mid))
    }

    /// Records a fill of `order` and returns the round trips it closed.
    static func record(
        _ fill: Fill, _ side: OrderSide, order: String, mid: FixedPoint, signal: String = "momentum", in tracker: inout RoundTripTracker
    ) throws -> [RoundTrip] {
        var closed: [RoundTrip] = []
        try tracker.record(fill, symbol: symbol, side: side, origin: origin(mid: mid, signal: signal), order: ClientOrderID(order), into: &closed)
        return closed
    }

    @Test func twoFillsOfOneEntryOrderAndOneExitMakeOneRoundTripWithWeightedPrices() throws {
        var tracker = RoundTripTracker(tiers: [Self.symbol: "core"])
        #expect(try Self.record(Self.fill("1", price: 100, quantity: 1, fee: 1, maker: true, at: 60), .buy, order: "b1", mid: 101, in: &tracker).isEmpty)
        #expect(try Self.record(Self.fill("2", price: 103, quantity: 2, fee: 2, at: 120), .buy, order: "b1", mid: 101, in: &tracker).isEmpty)
        let trips = try Self.record(Self.fill("3", price: 110, quantity: 3, fee: 3, maker: true, at: 600), .sell, order: "s1", mid: 111, signal: "exit", in: &tracker)
        let trip = try #require(trips.first)
        #expect(trips.count == 1)
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
        #expect(try tracker.openFees() == 0)
    }

    @Test func aFillThroughFlatEndsOneRoundTripAndOpensTheNextWithItsShareOfTheFee() throws {
        var tracker = RoundTripTracker()
        _ = try Self.record(Self.fill("1", price: 100, quantity: 1, fee: 1, at: 0), .buy, order: "b1", mid: 100, in: &tracker)
        let trip = try #require(try Self.record(Self.fill("2", price: 90, quantity: 4, fee: 4, at: 60), .sell, order: "s1", mid: 90, in: &tracker).first)
        #expect(trip.quantity == Quantity(1))
        #expect(trip.fees == 2)  // 1 on entry, a quarter of the exit fill's 4
        #expect(trip.netPnL == -12)
        #expect(tracker.openSymbols == [Self.symbol])
        #expect(try tracker.openFees() == 3)  // the rest of the through fill's fee, on the short it opened
        let short = try #require(try Self.record(Self.fill("3", price: 80, quantity: 3, fee: 3, at: 120), .buy, order: "b2", mid: 80, in: &tracker).first)
        #expect(short.side == .sell)
        #expect(short.fees == 6)  // 3 of the through fill, 3 of the cover
        #expect(short.netPnL == 24)  // (90 − 80) × 3 − 6
    }

    /// A position scaled in over three buys and left in two sells: three round trips by FIFO lots,
    /// each fill measured against its own order's mid. (Measured from the first buy's mid, as one
    /// flat-to-flat trip, the entry slippage would be (100 − 105.75) × 4 = −23 for fills that each
    /// paid at most a unit over their mid.)
    @Test func aPyramidIsRoundTripsByFIFOLotsEachAgainstItsOwnOrdersMid() throws {
        var tracker = RoundTripTracker()
        _ = try Self.record(Self.fill("1", price: 100, quantity: 1, fee: 1, at: 0), .buy, order: "b1", mid: 100, in: &tracker)
        _ = try Self.record(Self.fill("2", price: 106, quantity: 2, fee: 2, at: 60), .buy, order: "b2", mid: 105, in: &tracker)
        _ = try Self.record(Self.fill("3", price: 111, quantity: 1, fee: 1, at: 120), .buy, order: "b3", mid: 110, in: &tracker)

        // The first sell closes b1 and half of b2.
        let first = try Self.record(Self.fill("4", price: 115, quantity: 2, fee: 2, at: 300), .sell, order: "s1", mid: 116, in: &tracker)
        #expect(first.count == 1)
        let b1 = try #require(first.first)
        #expect(b1.quantity == Quantity(1) && b1.entryPrice == Price(100) && b1.exitPrice == Price(115))
        #expect(b1.attribution.edge == 16)  // (116 − 100) × 1
        #expect(b1.attribution.entrySlippage == 0)
        #expect(b1.attribution.exitSlippage == -1)  // (115 − 116) × 1
        #expect(b1.fees == 2)  // 1 on entry, half of the sell's 2
        #expect(b1.netPnL == 13)
        #expect(try tracker.openFees() == 4)  // b2's 2 and its half of the sell's fee, b3's 1

        // The second sell closes the rest of b2, then b3.
        let second = try Self.record(Self.fill("5", price: 104, quantity: 2, fee: 2, at: 600), .sell, order: "s2", mid: 105, in: &tracker)
        #expect(second.count == 2)
        let b2 = try #require(second.first)
        #expect(b2.quantity == Quantity(2) && b2.entryPrice == Price(106))
        #expect(b2.exitPrice == Price(FixedPoint("109.5")!) && b2.exitMid == Price(FixedPoint("110.5")!))
        #expect(b2.attribution.edge == 11)  // (116 − 105) × 1 + (105 − 105) × 1
        #expect(b2.attribution.entrySlippage == -2)  // (105 − 106) × 2
        #expect(b2.attribution.exitSlippage == -2)  // (115 − 116) × 1 + (104 − 105) × 1
        #expect(b2.fees == 4 && b2.fills == 3)
        #expect(b2.netPnL == 3)  // 219 − 212 − 4
        #expect(b2.entryTime == Timestamp(secondsSinceEpoch: 60) && b2.exitTime == Timestamp(secondsSinceEpoch: 600))
        let b3 = try #require(second.last)
        #expect(b3.attribution.edge == -5 && b3.attribution.entrySlippage == -1 && b3.attribution.exitSlippage == -1)
        #expect(b3.fees == 2 && b3.netPnL == -9)

        // Together: what the fills made, 438 − 423 − 8 fees, and each trip's identity exact.
        var net = FixedPoint.zero
        for trip in first + second {
            let attribution = trip.attribution
            #expect(try attribution.edge.adding(attribution.entrySlippage).adding(attribution.exitSlippage).subtracting(attribution.fees) == attribution.net)
            net = try net.adding(attribution.net)
        }
        #expect(net == 7)
        #expect(tracker.openSymbols.isEmpty)
        #expect(try tracker.openFees() == 0)
    }
}
