/// What a portfolio keeps of a working order: enough to value it as pending exposure and to book
/// its fills. Plain values only (no history, no texts), so keeping and reading it counts no
/// references and never shares storage with the order itself.
public struct WorkingOrder: Hashable, Sendable, Codable {
    /// What is traded.
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// Limit or market.
    public let kind: Order.Kind
    /// The quantity not yet filled.
    public let remainingQuantity: Quantity

    /// The parts of `order` a portfolio keeps.
    public init(_ order: Order) {
        symbol = order.symbol
        side = order.side
        kind = order.kind
        remainingQuantity = order.remainingQuantity
    }

    private enum CodingKeys: String, CodingKey {
        case symbol, side, kind
        case remainingQuantity = "remaining_quantity"
    }
}
