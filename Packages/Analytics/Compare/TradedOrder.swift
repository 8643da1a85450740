import TraderCore

/// An order of a run that traded, as `compare` matches a backtest's orders with a live run's: its
/// decision (signal, symbol, side, time, mid) and what its fills came to.
public struct TradedOrder: Hashable, Sendable, Encodable {
    /// The client order id.
    public let id: String
    /// The symbol.
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// The signal whose proposal it carried out (`unknown` when the source did not keep it).
    public let signal: String
    /// When it was decided.
    public let decidedAt: Timestamp
    /// The mid at the decision, when the source kept it.
    public let decisionMid: Price?
    /// The quantity filled.
    public let quantity: FixedPoint
    /// Σ price × quantity over the fills.
    public let notional: FixedPoint
    /// The fees of the fills.
    public let fees: FixedPoint
    /// What the fills cost against the decision mid: Σ (price − mid) × quantity for a buy, the
    /// reverse for a sell, so positive is a cost; zero without a mid.
    public let slippage: FixedPoint

    /// The order `id` and its `fills`.
    ///
    /// - Throws: ``ArithmeticError`` when a sum leaves the fixed-point range.
    public init(
        id: String, symbol: Symbol, side: OrderSide, signal: String, decidedAt: Timestamp, decisionMid: Price?, fills: [Fill]
    ) throws(ArithmeticError) {
        var quantity = FixedPoint.zero
        var notional = FixedPoint.zero
        var fees = FixedPoint.zero
        for fill in fills {
            quantity = try quantity.adding(fill.quantity.value)
            notional = try notional.adding(try fill.price.value.multiplied(by: fill.quantity.value, rounding: .toNearestOrEven))
            fees = try fees.adding(fill.fee.amount)
        }
        var slippage = FixedPoint.zero
        if let decisionMid {
            let atMid = try decisionMid.value.multiplied(by: quantity, rounding: .toNearestOrEven)
            slippage = side == .buy ? try notional.subtracting(atMid) : try atMid.subtracting(notional)
        }
        self.id = id
        self.symbol = symbol
        self.side = side
        self.signal = signal
        self.decidedAt = decidedAt
        self.decisionMid = decisionMid
        self.quantity = quantity
        self.notional = notional
        self.fees = fees
        self.slippage = slippage
    }

    private enum CodingKeys: String, CodingKey {
        case id, symbol, side, signal, quantity, notional, fees, slippage
        case decidedAt = "decided_at", decisionMid = "decision_mid"
    }
}
