import CostModel
import Logging
import TraderCore

/// A venue that replays history: every port (``OrderGateway``, ``MarketData``,
/// ``ProductCatalog``, ``AccountSource``) over a ``SimulatedExchange`` and a ``HistoricalFeed``, on an
/// injected clock. It is the reference implementation the venue adapters are measured against (the
/// conformance suite runs on it), and what a paper-trading runtime embeds.
///
/// Time: a bar is processed once the clock reaches its close, by ``advance(to:)`` (stepped: the
/// caller moves time) or ``run()`` (which sleeps on the clock: a ``ManualClock`` in tests, an
/// ``AcceleratedClock`` to replay faster than real time). Quotes are the last closed bar's, as in
/// a backtest: the bid at its close and the ask one price increment above. An order placed while a
/// bar is in progress can fill on that bar: decisions are taken at a bar's close, and the bar that
/// follows is the first the order meets.
///
/// Orders are checked as Coinbase checks them (product status, size and price increments, size
/// limits, funds) and rejected with Coinbase's reasons; balances move by every fill, fee included.
public actor PaperVenue {
    /// Coinbase's answer to a lookup or cancel of an order it does not know.
    public static let unknownOrderReason = SimulatedExchange.unknownOrderReason

    /// The interval of the bars replayed.
    public nonisolated let interval: BarInterval
    /// The clock the venue reads and sleeps on.
    public nonisolated let clock: any TradingClock
    let fillModel: FillModel
    var products: [Symbol: ProductRules]
    var exchange: SimulatedExchange
    private let feed: HistoricalFeed
    private var upcoming: (symbol: Symbol, candle: Candle)?
    /// The last closed bar of each symbol.
    var lastBars: SymbolMap<Candle> = [:]
    /// Closed bars, oldest first: at least the last ``historyLimit`` a symbol (a quarter more
    /// before a trim).
    var history: [Symbol: [Candle]] = [:]
    /// Every fill, in the order they happened (which is time order).
    var fillLog: [VenueFillReport] = []
    /// Every order the venue accepted, by client order id.
    var orders: [ClientOrderID: PaperOrder] = [:]
    /// The ids of the orders still working: holds and open orders read these, not every order ever placed.
    var workingIDs: Set<ClientOrderID> = []
    /// Each currency's total balance (available and held).
    var totals: [Currency: FixedPoint]
    /// Set when the next placement's answer is lost: whether the order arrives before it is.
    var nextAnswerLostAfterArrival: Bool?
    let updates = VenueUpdateBroadcast()
    /// Where the venue reports refusals and lost answers; silent unless the caller gives one.
    nonisolated let logger: Logger

    /// How many closed bars a symbol keeps at least for ``candles(for:interval:in:)``.
    public static let historyLimit = 10_000

    /// A venue replaying `feed` (which it takes over) for the products in `products`, filling by
    /// `fillModel`, starting with `balances`, on `clock`, reporting to `logger`.
    ///
    /// - Throws: ``DataError`` from the feed's first bar.
    public init(
        feed: sending HistoricalFeed, products: [ProductRules], fillModel: FillModel, balances: [Currency: FixedPoint],
        clock: any TradingClock, logger: Logger = Logger(label: "trader.paper-venue", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws(DataError) {
        self.logger = logger
        interval = feed.interval
        self.clock = clock
        self.fillModel = fillModel
        self.products = Dictionary(products.map { ($0.symbol, $0) }, uniquingKeysWith: { _, last in last })
        exchange = SimulatedExchange(model: fillModel)
        totals = balances
        upcoming = try feed.next()
        self.feed = feed
    }

    /// When the next bar closes; `nil` when the history is over.
    public var nextBarClose: Timestamp? { upcoming.map { $0.candle.time.advanced(bySeconds: interval.seconds) } }

    /// Processes every bar that closes at or before `time`, in time order: fills and expiries,
    /// each pushed on the event stream.
    ///
    /// - Returns: how many bars were processed.
    /// - Throws: ``DataError`` from the feed.
    @discardableResult
    public func advance(to time: Timestamp) throws(DataError) -> Int {
        var processed = 0
        while let bar = upcoming, bar.candle.time.advanced(bySeconds: interval.seconds) <= time {
            var events: [VenueEvent] = []
            exchange.process(bar.candle, of: bar.symbol, into: &events)
            for event in events { record(event) }
            lastBars[bar.symbol] = bar.candle
            history[bar.symbol, default: []].append(bar.candle)
            // Trimmed in batches of a quarter, so each bar is moved a bounded number of times.
            if let kept = history[bar.symbol]?.count, kept > Self.historyLimit + Self.historyLimit / 4 {
                history[bar.symbol]?.removeFirst(kept - Self.historyLimit)
            }
            processed += 1
            upcoming = try feed.next()
        }
        return processed
    }

    /// Replays the rest of the history in clock time: sleeps until each bar closes, then
    /// processes it. Returns when the history is over.
    ///
    /// - Throws: `CancellationError` when the task is cancelled; ``DataError`` from the feed.
    public func run() async throws {
        while let close = nextBarClose {
            try await clock.sleep(until: close)
            try advance(to: clock.now())
        }
    }

    /// Changes a listed product's status (a venue halting it, or letting only cancels or limit
    /// orders through); orders placed from now on are checked against it. Unknown symbols are ignored.
    public func setStatus(_ status: ProductRules.Status, of symbol: Symbol) {
        products[symbol] = products[symbol]?.with(status: status)
    }

    /// Loses the answer to the next placement, as a timeout does: the order reaches the venue and
    /// works there (`afterArrival`), or never arrives. The placement throws `timeout`.
    public func loseNextPlaceAnswer(afterArrival: Bool) {
        nextAnswerLostAfterArrival = afterArrival
    }

    /// Books an exchange event on the venue's own record and balances, and pushes it.
    func record(_ event: VenueEvent) {
        guard var paper = orders[event.clientOrderID] else { return }
        switch event.change {
        case .filled(let fill):
            paper.fills.append(fill)
            fillLog.append(VenueFillReport(clientOrderID: paper.order.clientOrderID, symbol: paper.order.symbol, side: paper.order.side, fill: fill))
            paper.status = paper.filledQuantity == paper.order.quantity ? .filled : .partiallyFilled
            settle(fill, of: paper.order)
        case .expired:
            paper.status = .expired
            paper.reason = "EXPIRED"
        case .cancelled:
            paper.status = .cancelled
            paper.reason = paper.order.timeInForce == .immediateOrCancel ? "IMMEDIATE_OR_CANCEL" : "USER_CANCELLED"
        default:
            break
        }
        paper.time = event.time
        orders[event.clientOrderID] = paper
        if !paper.status.isWorking { workingIDs.remove(event.clientOrderID) }
        updates.yield(.event(event))
    }

    /// Moves the balances by a fill: the base currency by its quantity, the quote currency by its
    /// notional and its fee.
    private func settle(_ fill: Fill, of order: Order) {
        let base = Currency(code: order.symbol.base)
        let quote = Currency(code: order.symbol.quote)
        // A notional beyond the fixed-point range cannot arise: funds were checked when the order
        // was placed, and a fill is at most the order's size.
        let notional = (try? fill.price.notional(of: fill.quantity, rounding: .toNearestOrEven)) ?? .zero
        switch order.side {
        case .buy:
            move(base, by: fill.quantity.value)
            move(quote, by: FixedPoint(raw: -(notional.raw + fill.fee.amount.raw)))
        case .sell:
            move(base, by: fill.quantity.value.negated)
            move(quote, by: FixedPoint(raw: notional.raw - fill.fee.amount.raw))
        }
    }

    private func move(_ currency: Currency, by amount: FixedPoint) {
        totals[currency] = FixedPoint(raw: (totals[currency] ?? .zero).raw + amount.raw)
    }

    /// The quote the last closed bar of `symbol` implies, if it has one.
    func quote(of symbol: Symbol) -> Quote? {
        guard let bar = lastBars[symbol] else { return nil }
        let tick = products[symbol]?.priceIncrement.value ?? .ulp
        let ask = (try? bar.close.value.adding(tick)) ?? bar.close.value
        var size = bar.volume
        if let rate = fillModel.participationRate {
            size = Quantity((try? bar.volume.value.multiplied(by: rate, rounding: .down)) ?? .zero)
        }
        return Quote(
            symbol: symbol, bid: bar.close, ask: Price(ask), bidSize: size, askSize: size,
            time: bar.time.advanced(bySeconds: interval.seconds))
    }
}

extension PaperVenue: OrderGateway {
    /// Places an order, idempotently by client order id (an id the venue has returns that order).
    ///
    /// - Throws: ``VenueError`` `rejected` with Coinbase's reason (`INVALID_PRODUCT_ID`,
    ///   `ORDER_ENTRY_DISABLED`, `INVALID_SIZE_PRECISION`, `INVALID_PRICE_PRECISION`,
    ///   `PREVIEW_INVALID_BASE_SIZE_TOO_SMALL` / `_TOO_LARGE`, `PREVIEW_MISSING_PRODUCT_PRICE_BOOK`,
    ///   `INSUFFICIENT_FUND`, `INVALID_LIMIT_PRICE_POST_ONLY`); `timeout` when the answer was lost.
    public func place(_ order: Order) async throws(VenueError) -> PlaceAcknowledgement {
        if let known = orders[order.clientOrderID] { return .accepted(known.venueOrderID) }
        let now = clock.now()
        let quote = try check(order)
        if let afterArrival = nextAnswerLostAfterArrival {
            nextAnswerLostAfterArrival = nil
            if afterArrival { _ = accept(order, quote: quote, at: now) }
            logger.warning(
                "placement answer lost", metadata: ["client_order_id": "\(order.clientOrderID)", "arrived": "\(afterArrival)"])
            throw VenueError(.timeout, message: "place \(order.clientOrderID): no answer from the venue")
        }
        switch accept(order, quote: quote, at: now) {
        case .accepted(let id): return .accepted(id)
        case .rejected(let reason):
            logger.info("order refused", metadata: ["client_order_id": "\(order.clientOrderID)", "reason": "\(reason)"])
            let kind: VenueError.Rejection = reason == SimulatedExchange.postOnlyCrossingReason ? .postOnlyWouldCross : .other
            throw VenueError(.rejected, venueReason: reason, message: "place \(order.clientOrderID): refused", rejection: kind)
        default: throw VenueError(.timeout, message: "place \(order.clientOrderID): no answer from the venue")
        }
    }

    /// The checks ``place(_:)`` runs, without placing: the quote the order would meet.
    ///
    /// - Throws: ``VenueError`` `rejected` with the reason ``place(_:)`` would give, a crossing
    ///   post-only order's included.
    public func preview(_ order: Order) throws(VenueError) -> Quote {
        let quote = try check(order)
        guard !SimulatedExchange.crossesAsPostOnly(order, quote: quote) else {
            throw VenueError(
                .rejected, venueReason: SimulatedExchange.postOnlyCrossingReason, message: "preview \(order.clientOrderID): would cross",
                rejection: .postOnlyWouldCross)
        }
        return quote
    }

    /// Hands the order to the exchange and records it when accepted.
    private func accept(_ order: Order, quote: Quote, at time: Timestamp) -> VenueEvent.Change {
        let answer = exchange.submit(order, at: time, quote: quote)
        if case .accepted(let id) = answer.change {
            orders[order.clientOrderID] = PaperOrder(order: order, venueOrderID: id, status: .open, time: time)
            workingIDs.insert(order.clientOrderID)
            updates.yield(.event(answer))
        }
        return answer.change
    }

    /// The checks a venue runs before it takes an order; returns the quote it is placed against.
    private func check(_ order: Order) throws(VenueError) -> Quote {
        func refuse(_ reason: String, _ kind: VenueError.Rejection, _ detail: String) -> VenueError {
            logger.info("order refused", metadata: ["client_order_id": "\(order.clientOrderID)", "reason": "\(reason)"])
            return VenueError(.rejected, venueReason: reason, message: "place \(order.clientOrderID): \(detail)", rejection: kind)
        }
        guard let rules = products[order.symbol] else {
            throw refuse("INVALID_PRODUCT_ID", .productUnavailable, "\(order.symbol) is not listed")
        }
        guard rules.accepts(order.kind) else {
            throw refuse("ORDER_ENTRY_DISABLED", .productUnavailable, "\(order.symbol) is \(rules.status.rawValue)")
        }
        guard order.quantity.value.isMultiple(of: rules.baseIncrement.value) else {
            throw refuse("INVALID_SIZE_PRECISION", .invalidSize, "size \(order.quantity) is not a multiple of \(rules.baseIncrement)")
        }
        if case .limit(let price, _) = order.kind, !price.value.isMultiple(of: rules.priceIncrement.value) {
            throw refuse("INVALID_PRICE_PRECISION", .invalidPrice, "price \(price) is not a multiple of \(rules.priceIncrement)")
        }
        if case .stop(let price) = order.kind, !price.value.isMultiple(of: rules.priceIncrement.value) {
            throw refuse("INVALID_PRICE_PRECISION", .invalidPrice, "price \(price) is not a multiple of \(rules.priceIncrement)")
        }
        guard order.quantity >= rules.minSize else {
            throw refuse("PREVIEW_INVALID_BASE_SIZE_TOO_SMALL", .invalidSize, "size \(order.quantity) is below \(rules.minSize)")
        }
        guard order.quantity <= rules.maxSize else {
            throw refuse("PREVIEW_INVALID_BASE_SIZE_TOO_LARGE", .invalidSize, "size \(order.quantity) is above \(rules.maxSize)")
        }
        guard let quote = quote(of: order.symbol) else {
            throw refuse("PREVIEW_MISSING_PRODUCT_PRICE_BOOK", .productUnavailable, "no price for \(order.symbol) yet")
        }
        let (currency, needed) = requirement(of: order, remaining: order.quantity, quote: quote)
        guard let needed, needed <= available(currency) else {
            throw refuse("INSUFFICIENT_FUND", .insufficientFunds, "needs \(needed.map { "\($0)" } ?? "more than can be held") \(currency)")
        }
        return quote
    }

    /// What a working order holds: a buy its notional at its limit (a market buy at the ask, a stop
    /// buy at the higher of its trigger and the ask) and
    /// the taker fee on it, in the quote currency; a sell its size, in the base currency. `nil`
    /// when the amount is beyond the fixed-point range.
    func requirement(of order: Order, remaining: Quantity, quote: Quote) -> (Currency, FixedPoint?) {
        guard order.side == .buy else { return (Currency(code: order.symbol.base), remaining.value) }
        let price =
            switch order.kind {
            case .limit(let limit, _): limit
            case .market: quote.ask
            case .stop(let trigger): max(trigger, quote.ask)
            }
        let notional = try? price.notional(of: remaining, rounding: .up)
        let fee = notional.flatMap { try? fillModel.fees.fee(onNotional: $0, liquidity: .taker) }
        return (Currency(code: order.symbol.quote), fee.flatMap { try? notional?.adding($0) })
    }

    /// What of `currency` is free for new orders.
    func available(_ currency: Currency) -> FixedPoint {
        FixedPoint(raw: (totals[currency] ?? .zero).raw - held(currency).raw)
    }

    /// What the working orders hold of `currency`.
    func held(_ currency: Currency) -> FixedPoint {
        var held: Int64 = 0
        for id in workingIDs {
            guard let paper = orders[id], let quote = quote(of: paper.order.symbol) else { continue }
            let remaining = paper.order.quantity.subtracting(paper.filledQuantity) ?? .zero
            let (heldCurrency, amount) = requirement(of: paper.order, remaining: remaining, quote: quote)
            if heldCurrency == currency, let amount { held += amount.raw }
        }
        return FixedPoint(raw: held)
    }

    /// Cancels a working order; the cancellation is pushed on the event stream.
    ///
    /// - Throws: ``VenueError`` `not_found` for an order the venue does not know (or another venue
    ///   id), `rejected` (`UNKNOWN_CANCEL_ORDER`) for one no longer working.
    public func cancel(_ reference: OrderReference) async throws(VenueError) {
        guard let paper = orders[reference.clientOrderID], reference.venueOrderID.map({ $0 == paper.venueOrderID }) ?? true else {
            throw VenueError(.notFound, venueReason: Self.unknownOrderReason, message: "cancel \(reference)")
        }
        guard let cancelled = exchange.cancel(reference.clientOrderID, at: clock.now()) else {
            throw VenueError(.rejected, venueReason: "UNKNOWN_CANCEL_ORDER", message: "cancel \(reference): the order is \(paper.status.rawValue)")
        }
        record(cancelled)
    }

    /// The venue's view of an order with its fills; `nil` for one it never received.
    public func order(_ reference: OrderReference) async throws(VenueError) -> VenueOrderReport? {
        guard let paper = orders[reference.clientOrderID] else { return nil }
        guard reference.venueOrderID.map({ $0 == paper.venueOrderID }) ?? true else { return nil }
        return paper.report
    }

    /// Every order the venue accepted, working or done, by client order id.
    public func allOrders() -> [VenueOrderReport] {
        orders.keys.sorted().compactMap { orders[$0]?.report }
    }

    /// The orders still working, by client order id.
    public func openOrders() async throws(VenueError) -> [VenueOrderReport] {
        workingIDs.sorted().compactMap { orders[$0]?.report }
    }

    /// Fills executed at or after `time`, oldest first (then by trade id).
    public func fills(since time: Timestamp) async throws(VenueError) -> [VenueFillReport] {
        // The log is in time order (fills happen as the replay advances): the wanted ones are a
        // suffix, found by bisection, so a long session's reconciliations stay cheap.
        var low = 0
        var high = fillLog.count
        while low < high {
            let middle = (low + high) / 2
            if fillLog[middle].fill.time < time { low = middle + 1 } else { high = middle }
        }
        return fillLog[low...].sorted { ($0.fill.time, $0.fill.tradeID) < ($1.fill.time, $1.fill.tradeID) }
    }

    /// Every event from now on: acceptances, fills, cancellations, expiries. The stream never has
    /// gaps (it is in-process and unbounded).
    public nonisolated func events() -> AsyncStream<VenueUpdate> { updates.subscribe() }
}
