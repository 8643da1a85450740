import Backtest
import CostModel
import Testing
import TraderCore

/// Orders end at the venue as their time in force says: an IOC's unfilled rest is cancelled on
/// arrival, a GTD order expires at its instant, a DAY order at the next 00:00 UTC.
@Suite struct TimeInForceTests {
    typealias S = SimulatedExchangeTests

    private func submit(_ timeInForce: Order.TimeInForce, limit: FixedPoint, quantity: FixedPoint = 1, model: FillModel? = nil)
        -> SimulatedExchange
    {
        var exchange = SimulatedExchange(model: model ?? FillModel(fees: S.fees))
        let order = Order(
            clientOrderID: ClientOrderID("tif"), symbol: S.symbol, side: .buy, kind: .limit(price: Price(limit), postOnly: false),
            quantity: Quantity(quantity), timeInForce: timeInForce)
        _ = exchange.submit(order, at: Timestamp(secondsSinceEpoch: 0), quote: S.quote)
        return exchange
    }

    @Test func anImmediateOrCancelOrderFillsWhatItCanOnArrivalAndTheRestIsCancelled() {
        // At most 10 % of a bar's 5 units: 0.5 of the 2 ordered.
        var exchange = submit(
            .immediateOrCancel, limit: 100, quantity: 2, model: FillModel(fees: S.fees, participationRate: FixedPoint("0.1")!))
        let events = exchange.process(S.bar(0, open: 100, high: 100, low: 99, close: 99, volume: 5), of: S.symbol)
        #expect(S.fills(events).map(\.quantity) == [Quantity("0.5")!])
        #expect(events.last?.change == .cancelled)
        #expect(!exchange.hasWorkingOrders)
    }

    @Test func anImmediateOrCancelOrderThatCannotFillIsCancelledOnArrival() {
        var exchange = submit(.immediateOrCancel, limit: 90)
        let events = exchange.process(S.bar(0, open: 100, high: 100, low: 95, close: 99), of: S.symbol)
        #expect(events.map(\.change) == [.cancelled])
    }

    @Test func aGoodTillDateOrderExpiresAtItsInstant() {
        var exchange = submit(.goodTillDate(Timestamp(secondsSinceEpoch: 120)), limit: 90)
        #expect(exchange.process(S.bar(0, open: 100, high: 100, low: 95, close: 99), of: S.symbol).isEmpty)
        #expect(exchange.process(S.bar(1, open: 100, high: 100, low: 95, close: 99), of: S.symbol).isEmpty)
        let expiry = exchange.process(S.bar(2, open: 100, high: 100, low: 80, close: 99), of: S.symbol)
        #expect(expiry.map(\.change) == [.expired])  // the bar that would have filled it opens at its expiry
    }

    @Test func aDayOrderExpiresAtTheNextMidnightUTC() {
        var exchange = submit(.day, limit: 90)
        let lastMinute = Candle(
            time: Timestamp(secondsSinceEpoch: 86_340), open: Price(100), high: Price(100), low: Price(95), close: Price(99),
            volume: Quantity(100))
        #expect(exchange.process(S.bar(0, open: 100, high: 100, low: 95, close: 99), of: S.symbol).isEmpty)
        #expect(exchange.process(lastMinute, of: S.symbol).isEmpty)
        let nextDay = Candle(
            time: Timestamp(secondsSinceEpoch: 86_400), open: Price(100), high: Price(100), low: Price(80), close: Price(99),
            volume: Quantity(100))
        #expect(exchange.process(nextDay, of: S.symbol).map(\.change) == [.expired])
    }

    @Test func aGoodTillCancelledOrderWorksUntilItFills() {
        var exchange = submit(.goodTillCancelled, limit: 90)
        let farLater = Candle(
            time: Timestamp(secondsSinceEpoch: 10 * 86_400), open: Price(100), high: Price(100), low: Price(89), close: Price(99),
            volume: Quantity(100))
        #expect(S.fills(exchange.process(farLater, of: S.symbol)).map(\.price) == [Price(90)])
    }
}
