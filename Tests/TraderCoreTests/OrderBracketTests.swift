import Testing
import TraderCore

/// The shapes a bracket may take: exits on either side of the entry, a take-profit limit and a
/// stop-loss stop for the entry's quantity of its instrument.
@Suite struct OrderBracketTests {
    static let spy = Symbol(base: "SPY", quote: "USD")

    static func order(_ id: String, _ side: OrderSide, _ kind: Order.Kind, quantity: Int = 10) -> Order {
        Order(clientOrderID: ClientOrderID(id), symbol: spy, side: side, kind: kind, quantity: Quantity(FixedPoint(quantity)))
    }

    static func limit(_ price: Int) -> Order.Kind { .limit(price: Price(FixedPoint(price)), postOnly: false) }
    static func stop(_ price: Int) -> Order.Kind { .stop(trigger: Price(FixedPoint(price))) }

    static func rejection(_ make: () throws(VenueError) -> OrderBracket) -> VenueError.Rejection? {
        do throws(VenueError) {
            _ = try make()
            return nil
        } catch {
            return error.rejection
        }
    }

    @Test func aBuyIsBracketedByATakeProfitAboveAndAStopBelow() throws {
        let bracket = try OrderBracket(
            entry: Self.order("e", .buy, Self.limit(100)), takeProfit: Self.order("e-tp", .sell, Self.limit(110)),
            stopLoss: Self.order("e-sl", .sell, Self.stop(95)))
        #expect(bracket.orders.map(\.clientOrderID) == ["e", "e-tp", "e-sl"].map(ClientOrderID.init))
        #expect(OrderBracket.childIDs(of: ClientOrderID("e")) == (ClientOrderID("e-tp"), ClientOrderID("e-sl")))
    }

    @Test func exitsOnTheWrongSideOrOfAnotherShapeAreRefused() {
        let entry = Self.order("e", .buy, Self.limit(100))
        #expect(
            Self.rejection { () throws(VenueError) in
                try OrderBracket(entry: entry, takeProfit: Self.order("tp", .sell, Self.limit(99)), stopLoss: Self.order("sl", .sell, Self.stop(95)))
            } == .invalidPrice)
        #expect(
            Self.rejection { () throws(VenueError) in
                try OrderBracket(entry: entry, takeProfit: Self.order("tp", .sell, Self.limit(110)), stopLoss: Self.order("sl", .sell, Self.limit(95)))
            } == .unsupportedOrder)
        #expect(
            Self.rejection { () throws(VenueError) in
                try OrderBracket(
                    entry: entry, takeProfit: Self.order("tp", .sell, Self.limit(110), quantity: 5), stopLoss: Self.order("sl", .sell, Self.stop(95), quantity: 5))
            } == .unsupportedOrder)
        #expect(
            Self.rejection { () throws(VenueError) in
                try OrderBracket(takeProfit: Self.order("tp", .sell, Self.limit(90)), stopLoss: Self.order("sl", .sell, Self.stop(95)))
            } == .invalidPrice)
    }

    @Test func aPairWithoutAnEntryProtectsAShortWithTheStopAbove() throws {
        let pair = try OrderBracket(takeProfit: Self.order("tp", .buy, Self.limit(90)), stopLoss: Self.order("sl", .buy, Self.stop(105)))
        #expect(pair.entry == nil)
        #expect(pair.orders.map(\.side) == [.buy, .buy])
    }
}
