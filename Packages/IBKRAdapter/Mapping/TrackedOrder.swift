import TraderCore

/// What the adapter knows of one of its orders at the gateway: our id (sent as orderRef), IB's,
/// the status IB last reported, and the executions with their commissions.
struct TrackedOrder: Sendable {
    let clientOrderID: ClientOrderID
    let orderID: Int
    var symbol: Symbol
    var side: OrderSide
    /// The quantity ordered.
    var quantity: Quantity
    var permID = 0
    /// IB's status string; empty until the gateway acknowledges the order.
    var ibStatus = ""
    /// Executions by id, oldest first, each with its commission once reported.
    var executions: [(execution: ExecutionData, commission: CommissionReport?)] = []
    /// Why the gateway refused or ended the order, when it said.
    var reason: String?
    /// Set by an error that ended the order before it was acknowledged (201, 103, 110, 200, …).
    var refused = false
    var time: Timestamp

    /// Whether the gateway has acknowledged the order (an OPEN_ORDER or ORDER_STATUS came).
    var isAcknowledged: Bool { !ibStatus.isEmpty }

    /// Our status for IB's (the reference's §7): PreSubmitted and Submitted are open (partly
    /// filled once something filled), Filled is filled, Cancelled and ApiCancelled are cancelled,
    /// Inactive is rejected; PendingCancel is pending cancel.
    var status: Order.Status {
        if refused { return .rejected }
        let filled = filledQuantity
        switch ibStatus {
        case "Filled": return .filled
        case "Cancelled", "ApiCancelled": return .cancelled
        case "Inactive": return filled.isZero ? .rejected : .cancelled
        case "PendingCancel": return .pendingCancel
        case "PreSubmitted", "Submitted": return filled.isZero ? .open : .partiallyFilled
        case "": return .submitted
        default: return filled.isZero ? .submitted : .partiallyFilled
        }
    }

    /// The fills whose commission is known, oldest first.
    var fills: [Fill] { executions.compactMap { Self.fill($0.execution, $0.commission) } }

    var filledQuantity: Quantity { Quantity(FixedPoint(raw: fills.reduce(0) { $0 + $1.quantity.value.raw })) }

    /// The order as a report.
    func report(symbol: Symbol) -> VenueOrderReport {
        let fills = fills
        var average: Price?
        if !fills.isEmpty {
            let notional = fills.reduce(Int64(0)) { $0 + ((try? $1.price.notional(of: $1.quantity, rounding: .toNearestOrEven).raw) ?? 0) }
            let quantity = filledQuantity.value
            average = (try? FixedPoint(raw: notional).divided(by: quantity, rounding: .toNearestOrEven)).map(Price.init)
        }
        return VenueOrderReport(
            clientOrderID: clientOrderID, venueOrderID: VenueOrderID(String(orderID)), symbol: symbol, side: side, status: status,
            filledQuantity: filledQuantity, averagePrice: average, fills: fills, reason: reason, time: time)
    }

    /// A fill from an execution and its commission; `nil` until the commission is known or when
    /// the execution is not a positive quantity at a positive price.
    static func fill(_ execution: ExecutionData, _ commission: CommissionReport?) -> Fill? {
        guard let commission, execution.shares.raw > 0, execution.price.raw > 0 else { return nil }
        return Fill(
            tradeID: TradeID(execution.execID), price: Price(execution.price), quantity: Quantity(execution.shares),
            fee: Money(commission.commission, Currency(code: commission.currency.isEmpty ? "USD" : commission.currency)),
            liquidity: execution.lastLiquidity == 1 ? .maker : .taker, time: TWSTime.parse(execution.time) ?? Timestamp(nanosecondsSinceEpoch: 0))
    }
}
