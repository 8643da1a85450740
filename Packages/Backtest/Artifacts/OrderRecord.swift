import Analytics
import TraderCore

/// One order as orders.json writes it: what was asked, what happened (fills and every state
/// transition with its event), and the decision behind it. Every key is written, `null` for absent
/// values (a transition's `detail` is left out instead), so each record has the same shape.
struct OrderRecord {
    struct FillRecord {
        let tradeID: String
        let price: Price
        let quantity: Quantity
        let fee: FixedPoint
        let liquidity: Fill.Liquidity
        let time: Timestamp
    }

    struct TransitionRecord {
        let from: Order.Status
        let to: Order.Status
        let event: Order.Event.Kind
        let detail: String?
        let time: Timestamp
    }

    let clientOrderID: String
    let venueOrderID: String?
    let symbol: Symbol
    let side: OrderSide
    let type: String
    let limitPrice: Price?
    /// A stop order's trigger.
    let stopPrice: Price?
    let postOnly: Bool
    let quantity: Quantity
    let filledQuantity: Quantity
    let status: Order.Status
    let signal: String?
    let regime: Regime?
    let decisionMid: Price?
    let fills: [FillRecord]
    let history: [TransitionRecord]

    init(_ order: Order, origin: OrderOrigin?) {
        clientOrderID = order.clientOrderID.description
        venueOrderID = order.venueOrderID?.description
        symbol = order.symbol
        side = order.side
        switch order.kind {
        case .market:
            (type, limitPrice, stopPrice, postOnly) = ("market", nil, nil, false)
        case .limit(let price, let isPostOnly):
            (type, limitPrice, stopPrice, postOnly) = ("limit", price, nil, isPostOnly)
        case .stop(let trigger):
            (type, limitPrice, stopPrice, postOnly) = ("stop", nil, trigger, false)
        }
        quantity = order.quantity
        filledQuantity = order.filledQuantity
        status = order.status
        signal = origin?.signal
        regime = origin?.regime
        decisionMid = origin?.decisionMid
        fills = order.fills.map {
            FillRecord(tradeID: $0.tradeID.description, price: $0.price, quantity: $0.quantity, fee: $0.fee.amount, liquidity: $0.liquidity, time: $0.time)
        }
        history = order.history.map { TransitionRecord(from: $0.from, to: $0.to, event: $0.event.kind, detail: Self.detail(of: $0.event), time: $0.time) }
    }

    /// The event's data worth keeping beside its kind: a venue id, a reason, a trade id.
    private static func detail(of event: Order.Event) -> String? {
        switch event {
        case .accept(let id): id.description
        case .reject(let reason), .submitOutcomeUnknown(let reason), .cancelRejected(let reason): reason
        case .fill(let fill): fill.tradeID.description
        case .submit, .requestCancel, .cancel, .expire: nil
        }
    }

    /// Appends the record as one JSON object, keys sorted (as `JSONEncoder` with `.sortedKeys`
    /// would write it; written by hand because orders.json has a line per order of the run).
    func appendJSON(to json: inout JSONBytes) {
        json.object { json in
            json.key("client_order_id")
            json.string(clientOrderID)
            json.key("decision_mid")
            json.decimal(decisionMid?.value)
            json.key("filled_quantity")
            json.decimal(filledQuantity.value)
            json.key("fills")
            json.array { json in
                for fill in fills {
                    json.object { json in
                        json.key("fee")
                        json.decimal(fill.fee)
                        json.key("liquidity")
                        json.string(fill.liquidity.rawValue)
                        json.key("price")
                        json.decimal(fill.price.value)
                        json.key("quantity")
                        json.decimal(fill.quantity.value)
                        json.key("time")
                        json.time(fill.time)
                        json.key("trade_id")
                        json.string(fill.tradeID)
                    }
                }
            }
            json.key("history")
            json.array { json in
                for step in history {
                    json.object { json in
                        if let detail = step.detail {
                            json.key("detail")
                            json.string(detail)
                        }
                        json.key("event")
                        json.string(step.event.rawValue)
                        json.key("from")
                        json.string(step.from.rawValue)
                        json.key("time")
                        json.time(step.time)
                        json.key("to")
                        json.string(step.to.rawValue)
                    }
                }
            }
            json.key("limit_price")
            json.decimal(limitPrice?.value)
            json.key("post_only")
            json.bool(postOnly)
            json.key("quantity")
            json.decimal(quantity.value)
            json.key("regime")
            json.string(regime?.rawValue)
            json.key("side")
            json.string(side.rawValue)
            json.key("signal")
            json.string(signal)
            json.key("status")
            json.string(status.rawValue)
            json.key("stop_price")
            json.decimal(stopPrice?.value)
            json.key("symbol")
            json.string(symbol.description)
            json.key("type")
            json.string(type)
            json.key("venue_order_id")
            json.string(venueOrderID)
        }
    }
}
