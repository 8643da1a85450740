import Backtest
import CostModel
import Testing
import TraderCore

/// The fill model's cases, one bar at a time: a decision at time 0 (a bar's close), bars opening at
/// 0, 60, 120, ... after it.
@Suite struct SimulatedExchangeTests {
    static let symbol = Symbol(base: "BTC", quote: "USD")
    static let fees = FeeRates(makerBps: 40, takerBps: 60)

    static func bar(_ minute: Int64, open: FixedPoint, high: FixedPoint, low: FixedPoint, close: FixedPoint, volume: FixedPoint = 100)
        -> Candle
    {
        Candle(
            time: Timestamp(secondsSinceEpoch: minute * 60), open: Price(open), high: Price(high), low: Price(low), close: Price(close),
            volume: Quantity(volume))
    }

    static func order(_ side: OrderSide, _ kind: Order.Kind, quantity: FixedPoint = 1) -> Order {
        Order(clientOrderID: ClientOrderID("t-\(side)"), symbol: symbol, side: side, kind: kind, quantity: Quantity(quantity))
    }

    static let quote = Quote(
        symbol: symbol, bid: Price(100), ask: Price(101), bidSize: Quantity(10), askSize: Quantity(10), time: Timestamp(secondsSinceEpoch: 0))

    static func fills(_ reports: [VenueEvent]) -> [Fill] {
        reports.compactMap { if case .filled(let fill) = $0.change { fill } else { nil } }
    }

    @Test func aMarketBuyFillsAtTheNextOpenPlusSlippageAsTaker() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees, slippageBps: 10))
        #expect(!exchange.hasWorkingOrders)
        let accepted = exchange.submit(Self.order(.buy, .market), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        #expect(accepted.orderEvent?.kind == .accept)
        #expect(exchange.hasWorkingOrders)
        let fill = try! #require(Self.fills(exchange.process(Self.bar(0, open: 200, high: 210, low: 190, close: 205), of: Self.symbol)).first)
        #expect(fill.price == Price(FixedPoint("200.2")!))  // 200 + 10 bps
        #expect(fill.liquidity == .taker)
        #expect(fill.fee.amount == FixedPoint("1.2012")!)  // 0.6 % of 200.2
        #expect(fill.time == Timestamp(secondsSinceEpoch: 0))
        #expect(exchange.workingOrders.isEmpty)
        #expect(!exchange.hasWorkingOrders)
    }

    @Test func aSellStopRestsUntilABarReachesItAndFillsAtTheTriggerAsTaker() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees))
        _ = exchange.submit(Self.order(.sell, .stop(trigger: Price(195))), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        #expect(exchange.process(Self.bar(0, open: 200, high: 210, low: FixedPoint("195.01")!, close: 205), of: Self.symbol).isEmpty)
        let fill = try! #require(Self.fills(exchange.process(Self.bar(1, open: 200, high: 201, low: 190, close: 192), of: Self.symbol)).first)
        #expect(fill.price == Price(195))
        #expect(fill.liquidity == .taker)
        #expect(fill.fee.amount == FixedPoint("1.17")!)  // 0.6 % of 195
        #expect(!exchange.hasWorkingOrders)
    }

    @Test func aStopABarGappedThroughFillsAtItsOpenWithTheSlippage() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees, slippageBps: 10))
        _ = exchange.submit(Self.order(.sell, .stop(trigger: Price(195))), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        _ = exchange.submit(
            Order(clientOrderID: ClientOrderID("t-buy-stop"), symbol: Self.symbol, side: .buy, kind: .stop(trigger: Price(205)), quantity: Quantity(1)),
            at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        let sells = Self.fills(exchange.process(Self.bar(0, open: 190, high: 192, low: 185, close: 186), of: Self.symbol))
        #expect(sells.map(\.price) == [Price(FixedPoint("189.81")!)])  // the open, 190, less 10 bps
        let buys = Self.fills(exchange.process(Self.bar(1, open: 210, high: 212, low: 209, close: 211), of: Self.symbol))
        #expect(buys.map(\.price) == [Price(FixedPoint("210.21")!)])  // the open, 210, plus 10 bps
    }

    @Test func latencyDelaysArrivalAndNoOrderFillsBeforeIt() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees, latencyBars: 1))
        _ = exchange.submit(Self.order(.buy, .market), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        #expect(exchange.process(Self.bar(0, open: 200, high: 210, low: 190, close: 205), of: Self.symbol).isEmpty)
        let fill = Self.fills(exchange.process(Self.bar(1, open: 300, high: 310, low: 290, close: 305), of: Self.symbol)).first
        #expect(fill?.price == Price(300))
    }

    @Test func aRestingBuyFillsOnTouchOnlyUnderTheTouchRule() {
        let touching = Self.bar(0, open: 105, high: 106, low: 100, close: 104)
        var touch = SimulatedExchange(model: FillModel(fees: Self.fees, limitRule: .touch))
        var through = SimulatedExchange(model: FillModel(fees: Self.fees, limitRule: .tradeThrough))
        let buy = Self.order(.buy, .limit(price: Price(100), postOnly: true))
        _ = touch.submit(buy, at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        _ = through.submit(buy, at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        let touchFill = Self.fills(touch.process(touching, of: Self.symbol)).first
        #expect(touchFill?.price == Price(100))
        #expect(touchFill?.liquidity == .maker)
        #expect(touchFill?.fee.amount == FixedPoint("0.4")!)  // 0.4 % of 100
        #expect(through.process(touching, of: Self.symbol).isEmpty)
        // One tick below the limit trades through it: both rules fill, at the limit.
        let fill = Self.fills(through.process(Self.bar(1, open: 104, high: 105, low: FixedPoint("99.99")!, close: 101), of: Self.symbol)).first
        #expect(fill?.price == Price(100))
    }

    @Test func aRestingSellFillsWhenTheHighTradesThroughIt() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees))
        _ = exchange.submit(Self.order(.sell, .limit(price: Price(101), postOnly: true)), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        #expect(exchange.process(Self.bar(0, open: 100, high: 101, low: 99, close: 100), of: Self.symbol).isEmpty)
        #expect(Self.fills(exchange.process(Self.bar(1, open: 100, high: 102, low: 99, close: 101), of: Self.symbol)).first?.price == Price(101))
    }

    @Test func participationCapsEachBarsFillAndTheRestFillsLater() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees, participationRate: FixedPoint("0.1")!))
        _ = exchange.submit(Self.order(.buy, .market, quantity: 8), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        let first = Self.fills(exchange.process(Self.bar(0, open: 100, high: 100, low: 100, close: 100, volume: 50), of: Self.symbol))
        #expect(first.map(\.quantity) == [Quantity(5)])
        #expect(exchange.workingOrders.first?.remainingQuantity == Quantity(3))
        let second = Self.fills(exchange.process(Self.bar(1, open: 101, high: 101, low: 101, close: 101, volume: 50), of: Self.symbol))
        #expect(second.map(\.quantity) == [Quantity(3)])
        #expect(second.first?.price == Price(101))
        #expect(exchange.workingOrders.isEmpty)
    }

    @Test func aPostOnlyOrderThatWouldCrossIsRejectedWithCoinbasesCode() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees))
        let buyAtAsk = exchange.submit(Self.order(.buy, .limit(price: Price(101), postOnly: true)), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        #expect(buyAtAsk.change == .rejected(reason: "INVALID_LIMIT_PRICE_POST_ONLY"))
        let sellAtBid = exchange.submit(Self.order(.sell, .limit(price: Price(100), postOnly: true)), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        #expect(sellAtBid.change == .rejected(reason: "INVALID_LIMIT_PRICE_POST_ONLY"))
        #expect(exchange.workingOrders.isEmpty)
    }

    @Test func aLimitStillWorkingAfterItsTTLExpires() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees, orderTTL: .seconds(120)))
        _ = exchange.submit(Self.order(.buy, .limit(price: Price(90), postOnly: true)), at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        #expect(exchange.process(Self.bar(0, open: 100, high: 101, low: 99, close: 100), of: Self.symbol).isEmpty)
        #expect(exchange.process(Self.bar(1, open: 100, high: 101, low: 99, close: 100), of: Self.symbol).isEmpty)
        let expiry = exchange.process(Self.bar(2, open: 100, high: 101, low: 80, close: 100), of: Self.symbol)
        #expect(expiry.map(\.change) == [.expired])
        #expect(expiry.first?.time == Timestamp(secondsSinceEpoch: 120))
        #expect(exchange.workingOrders.isEmpty)
    }

    @Test func aLookupReportsAWorkingOrdersAcceptanceAndRejectsAnIdTheVenueNeverSaw() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees))
        let order = Self.order(.buy, .limit(price: Price(90), postOnly: true))
        _ = exchange.submit(order, at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote)
        let time = Timestamp(secondsSinceEpoch: 60)
        #expect(exchange.lookup(order.clientOrderID, at: time).change == .accepted(VenueOrderID("sim-order-1")))
        let unknown = Order.Event.reject(reason: "order with this orderID was not found")
        #expect(exchange.lookup(ClientOrderID("never-sent"), at: time).orderEvent == unknown)
    }

    @Test func lostSubmitAnswersAlternateBetweenAnOrderThatArrivedAndOneThatNeverDid() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees), faults: ExchangeFaults(lostSubmitAnswerEvery: 2))
        let time = Timestamp(secondsSinceEpoch: 0)
        var events: [Order.Event?] = []
        for number in 1...4 {
            let order = Order(
                clientOrderID: ClientOrderID("t-\(number)"), symbol: Self.symbol, side: .buy, kind: .limit(price: Price(90), postOnly: true),
                quantity: Quantity(1))
            events.append(exchange.submit(order, at: time, quote: Self.quote).orderEvent)
        }
        let lost = Order.Event.submitOutcomeUnknown(reason: "timeout: no answer from the venue")
        #expect(events == [.accept(VenueOrderID("sim-order-1")), lost, .accept(VenueOrderID("sim-order-3")), lost])
        // The second reached the venue and works there; the fourth never arrived.
        #expect(exchange.workingOrders.map(\.clientOrderID.rawValue) == ["t-1", "t-2", "t-3"])
        #expect(exchange.lookup(ClientOrderID("t-2"), at: time).change == .accepted(VenueOrderID("sim-order-2")))
        let neverArrived = exchange.lookup(ClientOrderID("t-4"), at: time).orderEvent
        #expect(neverArrived == .reject(reason: "order with this orderID was not found"))
    }

    @Test func venueOrderAndTradeIdsCountUpInDecimal() {
        var exchange = SimulatedExchange(model: FillModel(fees: Self.fees))
        var accepted: [Order.Event?] = []
        for number in 1...12 {
            let order = Order(
                clientOrderID: ClientOrderID("t-\(number)"), symbol: Self.symbol, side: .buy, kind: .market,
                quantity: Quantity(1))
            accepted.append(exchange.submit(order, at: Timestamp(secondsSinceEpoch: 0), quote: Self.quote).orderEvent)
        }
        #expect(accepted.first == .accept(VenueOrderID("sim-order-1")))
        #expect(accepted.last == .accept(VenueOrderID("sim-order-12")))
        let bar = Self.bar(0, open: 100, high: 100, low: 100, close: 100)
        let fills = Self.fills(exchange.process(bar, of: Self.symbol))
        #expect(fills.map(\.tradeID.rawValue) == (1...12).map { "sim-\($0)" })
        #expect(fills.allSatisfy { $0.fee.currency == Currency(code: "USD") })
    }
}
