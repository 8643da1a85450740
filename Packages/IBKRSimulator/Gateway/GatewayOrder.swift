import TraderCore

/// An order the gateway holds: what PLACE_ORDER asked, and what has happened to it since.
struct GatewayOrder: Sendable {
    /// How it is priced.
    enum PriceKind: Sendable, Equatable {
        case limit(FixedPoint)
        case market
        /// A stop: a market order once the price trades through `trigger`.
        case stop(trigger: FixedPoint)
    }

    /// IB's status strings, as ORDER_STATUS and OPEN_ORDER carry them.
    enum Status: String, Sendable {
        case preSubmitted = "PreSubmitted"
        case submitted = "Submitted"
        case filled = "Filled"
        case cancelled = "Cancelled"
        case inactive = "Inactive"

        var isDone: Bool { self == .filled || self == .cancelled || self == .inactive }
    }

    let orderID: Int
    let clientID: Int
    let permID: Int
    let contract: GatewayContract
    /// `BUY` or `SELL`.
    let action: String
    let quantity: FixedPoint
    let priceKind: PriceKind
    /// The type as the client named it (`LMT`, `MKT`, `STP`).
    let orderType: String
    let timeInForce: String
    let ocaGroup: String
    let ocaType: Int
    let account: String
    let orderRef: String
    /// The bracket parent's id, 0 for none.
    let parentID: Int
    let outsideRTH: Bool

    /// Whether the group it belongs to was transmitted (a `transmit=0` order waits for a later one).
    var transmitted = false
    var status: Status = .preSubmitted
    var filled: FixedPoint = .zero
    /// Σ price × shares of the fills, for the average.
    var filledNotional: FixedPoint = .zero
    var lastFillPrice: FixedPoint = .zero

    var isBuy: Bool { action == "BUY" }
    var remaining: FixedPoint { FixedPoint(raw: quantity.raw - filled.raw) }
    /// The average fill price, zero before the first fill.
    var averageFillPrice: FixedPoint {
        guard !filled.isZero else { return .zero }
        return (try? filledNotional.divided(by: filled, rounding: .toNearestOrEven)) ?? .zero
    }
    /// Whether it is in the market: transmitted, working, and (for a bracket child) its parent filled.
    var isWorking: Bool { transmitted && (status == .submitted || status == .preSubmitted) }
    /// The limit price written in OPEN_ORDER (empty when none).
    var limitPriceText: String { if case .limit(let price) = priceKind { price.description } else { "" } }
    /// The stop price written in OPEN_ORDER's auxPrice (empty when none).
    var auxPriceText: String { if case .stop(let trigger) = priceKind { trigger.description } else { "" } }
}
