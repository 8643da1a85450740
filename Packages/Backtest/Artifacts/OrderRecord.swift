import Analytics
import TraderCore

/// One order as orders.json writes it: what was asked, what happened (fills and every state
/// transition with its event), and the decision behind it.
struct OrderRecord: Encodable {
    struct FillRecord: Encodable {
        let tradeID: String
        let price: Price
        let quantity: Quantity
        let fee: FixedPoint
        let liquidity: Fill.Liquidity
        let time: Timestamp

        enum CodingKeys: String, CodingKey {
            case price, quantity, fee, liquidity, time
            case tradeID = "trade_id"
        }
    }

    struct TransitionRecord: Encodable {
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
            (type, limitPrice, postOnly) = ("market", nil, false)
        case .limit(let price, let isPostOnly):
            (type, limitPrice, postOnly) = ("limit", price, isPostOnly)
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

    enum CodingKeys: String, CodingKey {
        case symbol, side, type, quantity, status, signal, regime, fills, history
        case clientOrderID = "client_order_id", venueOrderID = "venue_order_id", limitPrice = "limit_price"
        case postOnly = "post_only", filledQuantity = "filled_quantity", decisionMid = "decision_mid"
    }

    /// Encodes every key, `null` for absent values, so each record has the same shape.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clientOrderID, forKey: .clientOrderID)
        try c.encode(venueOrderID, forKey: .venueOrderID)
        try c.encode(symbol, forKey: .symbol)
        try c.encode(side, forKey: .side)
        try c.encode(type, forKey: .type)
        try c.encode(limitPrice, forKey: .limitPrice)
        try c.encode(postOnly, forKey: .postOnly)
        try c.encode(quantity, forKey: .quantity)
        try c.encode(filledQuantity, forKey: .filledQuantity)
        try c.encode(status, forKey: .status)
        try c.encode(signal, forKey: .signal)
        try c.encode(regime, forKey: .regime)
        try c.encode(decisionMid, forKey: .decisionMid)
        try c.encode(fills, forKey: .fills)
        try c.encode(history, forKey: .history)
    }
}
