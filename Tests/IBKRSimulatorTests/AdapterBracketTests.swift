import IBKRAdapter
import Testing
import TraderCore

/// Native brackets placed through ``IBKRAdapter`` and traded by the simulator on real SPY minute
/// bars of 2013-10-04 (at 10:00: bid 168.15, ask 168.16; the 10:00 bar reaches 168.27, the 10:03
/// bar 168.08).
@Suite(.timeLimit(.minutes(1))) struct AdapterBracketTests {
    static func bracket(_ id: String, quantity: Int = 10, entry: String?, takeProfit: String, stop: String) throws -> OrderBracket {
        let spy = AdapterHarness.spy
        let size = Quantity(FixedPoint(quantity))
        let ids = OrderBracket.childIDs(of: ClientOrderID(id))
        return try OrderBracket(
            entry: entry.map { Order(clientOrderID: ClientOrderID(id), symbol: spy, side: .buy, kind: .limit(price: Price(decimal($0)), postOnly: false), quantity: size) },
            takeProfit: Order(clientOrderID: ids.takeProfit, symbol: spy, side: .sell, kind: .limit(price: Price(decimal(takeProfit)), postOnly: false), quantity: size),
            stopLoss: Order(clientOrderID: ids.stopLoss, symbol: spy, side: .sell, kind: .stop(trigger: Price(decimal(stop))), quantity: size))
    }

    func lookUp(_ id: ClientOrderID, in harness: AdapterHarness) async throws -> VenueOrderReport {
        try #require(try await harness.adapter.order(OrderReference(id)))
    }

    @Test func takeProfitFillCancelsTheStop() async throws {
        try await AdapterHarness.with { harness in
            let bracket = try Self.bracket("b1", entry: "168.20", takeProfit: "168.25", stop: "168.05")
            _ = try await harness.adapter.place(bracket)
            try await harness.advance()
            let parent = try await lookUp(try #require(bracket.entry).clientOrderID, in: harness)
            let takeProfit = try await lookUp(bracket.takeProfit.clientOrderID, in: harness)
            let stop = try await lookUp(bracket.stopLoss.clientOrderID, in: harness)
            #expect(parent.status == .filled && parent.averagePrice == Price(decimal("168.16")))
            #expect(takeProfit.status == .filled && takeProfit.side == .sell && takeProfit.fills.map(\.price) == [Price(decimal("168.25"))])
            #expect(takeProfit.fills.map(\.liquidity) == [.maker])
            #expect(stop.status == .cancelled && stop.fills.isEmpty)
            #expect(try await harness.adapter.balances().map(\.currency.code) == ["USD"])
        }
    }

    @Test func stopFillCancelsTheTakeProfit() async throws {
        try await AdapterHarness.with { harness in
            let bracket = try Self.bracket("b2", entry: "168.20", takeProfit: "168.40", stop: "168.12")
            _ = try await harness.adapter.place(bracket)
            try await harness.advance(bars: 3)
            #expect(try await lookUp(bracket.stopLoss.clientOrderID, in: harness).status == .open)
            try await harness.advance()
            let stop = try await lookUp(bracket.stopLoss.clientOrderID, in: harness)
            #expect(stop.status == .filled && stop.fills.map(\.price) == [Price(decimal("168.12"))] && stop.fills.map(\.liquidity) == [.taker])
            #expect(try await lookUp(bracket.takeProfit.clientOrderID, in: harness).status == .cancelled)
        }
    }

    @Test func partlyFilledParentKeepsItsChildrenHeld() async throws {
        // 1 bp of the volume: 25 shares of the 09:59 bar at once, 47 of the 10:00 bar.
        try await AdapterHarness.with(participationRate: FixedPoint(raw: 10_000)) { harness in
            let bracket = try Self.bracket("b3", quantity: 100, entry: "168.20", takeProfit: "168.25", stop: "168.05")
            _ = try await harness.adapter.place(bracket)
            try await harness.advance()
            let parent = try await lookUp(try #require(bracket.entry).clientOrderID, in: harness)
            #expect(parent.status == .partiallyFilled && parent.filledQuantity == Quantity(FixedPoint(72)))
            let takeProfit = try await lookUp(bracket.takeProfit.clientOrderID, in: harness)
            #expect(takeProfit.status == .open && takeProfit.fills.isEmpty)
        }
    }

    @Test func pairOnAPositionHeldIsOneCancelsOther() async throws {
        try await AdapterHarness.with { harness in
            let buy = Order(clientOrderID: ClientOrderID("b6"), symbol: AdapterHarness.spy, side: .buy, kind: .market, quantity: Quantity(FixedPoint(10)))
            _ = try await harness.adapter.place(buy)
            try await harness.advance()
            #expect(try await lookUp(buy.clientOrderID, in: harness).status == .filled)
            let pair = try Self.bracket("b6-exit", entry: nil, takeProfit: "168.40", stop: "168.12")
            _ = try await harness.adapter.place(pair)
            #expect(try await lookUp(pair.stopLoss.clientOrderID, in: harness).status == .open)
            try await harness.advance(bars: 3)
            let stop = try await lookUp(pair.stopLoss.clientOrderID, in: harness)
            #expect(stop.status == .filled && stop.fills.map(\.price) == [Price(decimal("168.12"))] && stop.fills.map(\.liquidity) == [.taker])
            #expect(try await lookUp(pair.takeProfit.clientOrderID, in: harness).status == .cancelled)
            #expect(try await harness.adapter.openOrders().isEmpty)
        }
    }

    @Test func bracketWhoseExitsAreOnTheWrongSideIsRefusedBeforeSending() {
        #expect(throws: VenueError.self) { try Self.bracket("b4", entry: "168.20", takeProfit: "168.00", stop: "168.05") }
    }

    @Test func cancellingTheParentCancelsTheWholeBracket() async throws {
        try await AdapterHarness.with { harness in
            let bracket = try Self.bracket("b5", entry: "160.00", takeProfit: "170.00", stop: "150.00")
            _ = try await harness.adapter.place(bracket)
            try await harness.adapter.cancel(OrderReference(try #require(bracket.entry).clientOrderID))
            _ = try await harness.adapter.serverTime()
            for id in [try #require(bracket.entry).clientOrderID, bracket.takeProfit.clientOrderID, bracket.stopLoss.clientOrderID] {
                #expect(try await lookUp(id, in: harness).status == .cancelled, "\(id)")
            }
            #expect(try await harness.adapter.openOrders().isEmpty)
        }
    }
}
