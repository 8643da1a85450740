import CostModel
import TraderCore

/// A venue simulated on bars, for backtests: it accepts or rejects orders as Coinbase does, and
/// fills them by the ``FillModel``. Deterministic: trade ids are numbered, and orders are matched
/// in arrival order.
public struct SimulatedExchange: Sendable {
    /// Coinbase's rejection of a post-only order that would take liquidity.
    public static let postOnlyCrossingReason = "INVALID_LIMIT_PRICE_POST_ONLY"
    /// The answer to a lookup of an order the venue never received: Coinbase's `error_details`
    /// for an unknown order id.
    public static let unknownOrderReason = "order with this orderID was not found"

    /// The fill model.
    public let model: FillModel
    /// The faults it injects.
    public let faults: ExchangeFaults
    /// Orders in arrival order, each with the bars of its symbol still to pass before it arrives
    /// (the model's latency, counted down) and the open time of the bar it arrived on.
    private var working: [(order: RestingOrder, barsToArrival: Int, arrivedAt: Timestamp?)] = []
    private var tradeNumber = 0
    private var orderNumber = 0
    /// Each symbol's quote currency, spelled once (unpacking a symbol's code costs more than a fill).
    private var feeCurrencies: SymbolMap<Currency> = [:]
    private var submits = 0
    private var lostAnswers = 0

    /// An exchange filling by `model`, injecting `faults`.
    public init(model: FillModel, faults: ExchangeFaults = ExchangeFaults()) {
        self.model = model
        self.faults = faults
    }

    /// Orders still working.
    public var workingOrders: [RestingOrder] { working.map(\.order) }
    /// Whether any order is working (``process(_:of:)`` has nothing to do without one).
    public var hasWorkingOrders: Bool { !working.isEmpty }

    /// Takes an order decided at `time` against `quote`; events its acceptance, or its rejection
    /// when it is a post-only limit that would cross the spread, or, when ``faults`` lose the
    /// answer, `submit_outcome_unknown` (the order working here or never arrived, as they say).
    public mutating func submit(_ order: Order, at time: Timestamp, quote: Quote) -> VenueEvent {
        submits += 1
        if let every = faults.lostSubmitAnswerEvery, submits % every == 0 {
            lostAnswers += 1
            let reached = lostAnswers % 2 == 1
            if reached { _ = answer(order, at: time, quote: quote) }
            let lost = VenueEvent.Change.outcomeUnknown(reason: ExchangeFaults.lostAnswerReason)
            return VenueEvent(clientOrderID: order.clientOrderID, change: lost, time: time)
        }
        return answer(order, at: time, quote: quote)
    }

    /// Whether `order` is post-only and would take liquidity at `quote` (a buy at or above the
    /// ask, a sell at or below the bid): such an order is refused.
    public static func crossesAsPostOnly(_ order: Order, quote: Quote) -> Bool {
        guard case .limit(let price, true) = order.kind else { return false }
        return order.side == .buy ? price >= quote.ask : price <= quote.bid
    }

    private mutating func answer(_ order: Order, at time: Timestamp, quote: Quote) -> VenueEvent {
        if Self.crossesAsPostOnly(order, quote: quote) {
            let crossing = VenueEvent.Change.rejected(reason: Self.postOnlyCrossingReason)
            return VenueEvent(clientOrderID: order.clientOrderID, change: crossing, time: time)
        }
        orderNumber += 1
        let id = VenueOrderID(Self.identifier("sim-order-", orderNumber))
        let feeCurrency: Currency
        if let known = feeCurrencies[order.symbol] {
            feeCurrency = known
        } else {
            feeCurrency = Currency(code: order.symbol.quote)
            feeCurrencies[order.symbol] = feeCurrency
        }
        working.append((RestingOrder(order, venueOrderID: id, feeCurrency: feeCurrency), model.latencyBars, nil))
        return VenueEvent(clientOrderID: order.clientOrderID, change: .accepted(id), time: time)
    }

    /// What the venue knows of an order the shell could not confirm, by client order id: its
    /// acceptance while it works here, or a rejection when it never arrived (a submit the venue
    /// never saw can be dropped; it is never sent again).
    public func lookup(_ clientOrderID: ClientOrderID, at time: Timestamp) -> VenueEvent {
        guard let working = working.first(where: { $0.order.clientOrderID == clientOrderID }) else {
            let unknown = VenueEvent.Change.rejected(reason: Self.unknownOrderReason)
            return VenueEvent(clientOrderID: clientOrderID, change: unknown, time: time)
        }
        return VenueEvent(clientOrderID: clientOrderID, change: .accepted(working.order.venueOrderID), time: time)
    }

    /// Cancels a working order; `nil` when it is not working (already filled or gone).
    public mutating func cancel(_ clientOrderID: ClientOrderID, at time: Timestamp) -> VenueEvent? {
        guard let index = working.firstIndex(where: { $0.order.clientOrderID == clientOrderID }) else { return nil }
        working.remove(at: index)
        return VenueEvent(clientOrderID: clientOrderID, change: .cancelled, time: time)
    }

    /// Runs `candle` of `symbol` (a bar that opens after every decision so far) against the
    /// working orders: fills, partial fills and expiries, in arrival order.
    public mutating func process(_ candle: Candle, of symbol: Symbol) -> [VenueEvent] {
        var events: [VenueEvent] = []
        process(candle, of: symbol, into: &events)
        return events
    }

    /// Runs `candle` of `symbol` as ``process(_:of:)`` does, appending the events to `events`: a
    /// caller on the per-bar path keeps one buffer and allocates nothing.
    public mutating func process(_ candle: Candle, of symbol: Symbol, into events: inout [VenueEvent]) {
        var index = 0
        while index < working.count {
            guard working[index].order.symbol == symbol else {
                index += 1
                continue
            }
            guard working[index].barsToArrival == 0 else {
                working[index].barsToArrival -= 1
                index += 1
                continue
            }
            let arrivedAt = working[index].arrivedAt ?? candle.time
            working[index].arrivedAt = arrivedAt
            if let ttl = model.orderTTL, case .limit = working[index].order.kind, arrivedAt.duration(to: candle.time) >= ttl {
                events.append(VenueEvent(clientOrderID: working[index].order.clientOrderID, change: .expired, time: candle.time))
                working.remove(at: index)
                continue
            }
            if Self.hasExpired(working[index].order.timeInForce, arrivedAt: arrivedAt, at: candle.time) {
                events.append(VenueEvent(clientOrderID: working[index].order.clientOrderID, change: .expired, time: candle.time))
                working.remove(at: index)
                continue
            }
            var remaining = working[index].order.remainingQuantity.value.raw
            if let fill = fill(working[index].order, on: candle) {
                // A fill never exceeds what remains: its quantity is at most that.
                remaining -= fill.quantity.value.raw
                working[index].order.remainingQuantity = Quantity(FixedPoint(raw: remaining))
                events.append(VenueEvent(clientOrderID: working[index].order.clientOrderID, change: .filled(fill), time: candle.time))
            }
            if remaining == 0 {
                working.remove(at: index)
            } else if working[index].order.timeInForce == .immediateOrCancel {
                // What an immediate-or-cancel order did not fill on arrival, the venue cancels.
                events.append(VenueEvent(clientOrderID: working[index].order.clientOrderID, change: .cancelled, time: candle.time))
                working.remove(at: index)
            } else {
                index += 1
            }
        }
    }

    /// Whether an order of `timeInForce` that arrived at `arrivedAt` has expired by a bar opening
    /// at `time`: a GTD order at its instant, a DAY order at the next 00:00 UTC after its arrival.
    private static func hasExpired(_ timeInForce: Order.TimeInForce, arrivedAt: Timestamp, at time: Timestamp) -> Bool {
        switch timeInForce {
        case .goodTillCancelled, .immediateOrCancel: false
        case .goodTillDate(let until): time >= until
        case .day: time.secondsSinceEpoch >= (arrivedAt.secondsSinceEpoch / 86_400 + 1) * 86_400
        }
    }

    /// The fill `order` gets on `candle`, if any.
    private mutating func fill(_ order: borrowing RestingOrder, on candle: Candle) -> Fill? {
        let price: Price
        let liquidity: Fill.Liquidity
        switch order.kind {
        case .market:
            guard let slipped = slipped(candle.open, side: order.side) else { return nil }
            price = slipped
            liquidity = .taker
        case .stop(let trigger):
            // Triggered by a bar that reaches the trigger, it fills as a market order at the
            // trigger, or at the open when the bar opened through it (a gap): never better than
            // what the bar offered after the trigger.
            let (reached, gapped) =
                order.side == .sell ? (candle.low <= trigger, candle.open <= trigger) : (candle.high >= trigger, candle.open >= trigger)
            guard reached, let slipped = slipped(gapped ? candle.open : trigger, side: order.side) else { return nil }
            price = slipped
            liquidity = .taker
        case .limit(let limit, _):
            let reached =
                switch (order.side, model.limitRule) {
                case (.buy, .touch): candle.low <= limit
                case (.buy, .tradeThrough): candle.low < limit
                case (.sell, .touch): candle.high >= limit
                case (.sell, .tradeThrough): candle.high > limit
                }
            guard reached else { return nil }
            price = limit
            liquidity = .maker
        }
        var quantity = order.remainingQuantity
        if let rate = model.participationRate,
            let cap = try? candle.volume.value.multiplied(by: rate, rounding: .down), cap < quantity.value
        {
            quantity = Quantity(cap)
        }
        guard !quantity.isZero, let notional = try? price.notional(of: quantity, rounding: .toNearestOrEven),
            let fee = try? model.fees.fee(onNotional: notional, liquidity: liquidity)
        else { return nil }
        tradeNumber += 1
        return Fill(
            tradeID: TradeID(Self.identifier("sim-", tradeNumber)), price: price, quantity: quantity,
            fee: Money(fee, order.feeCurrency),
            liquidity: liquidity, time: candle.time)
    }

    /// `price` moved against a taker on `side` by the model's slippage; `nil` on overflow.
    private func slipped(_ price: Price, side: OrderSide) -> Price? {
        let slip = (try? price.value.multiplied(by: model.slippageBps, dividedBy: 10_000, rounding: .up)) ?? .zero
        return (try? side == .buy ? price.value.adding(slip) : price.value.subtracting(slip)).map(Price.init)
    }

    /// `prefix` and then `number` in decimal.
    // perf: written in one pass into the string's storage: concatenating `String(number)` cost more
    // than the rest of a fill. Up to 15 bytes, the text is stored inline.
    private static func identifier(_ prefix: StaticString, _ number: Int) -> String {
        precondition(number >= 0, "identifiers are numbered from zero up")
        let prefixLength = prefix.utf8CodeUnitCount
        let digits = DecimalDigits.count(of: number)
        return String(unsafeUninitializedCapacity: prefixLength + digits) { buffer in
            _ = buffer.initialize(fromContentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefixLength))
            return DecimalDigits.write(number, digits: digits, into: buffer, at: prefixLength)
        }
    }
}
