/// What a portfolio keeps of a working order: enough to value it as pending exposure and to book
/// its fills. Plain values only (no history, no texts), so keeping and reading it counts no
/// references and never shares storage with the order itself.
public struct WorkingOrder: Hashable, Sendable, Codable {
    /// The pair traded, or the option's underlying.
    public let symbol: Symbol
    /// The option contract traded; `nil` for a spot order.
    public let contract: OptionContract?
    /// Buy or sell.
    public let side: OrderSide
    /// Limit or market.
    public let kind: Order.Kind
    /// The quantity not yet filled.
    public let remainingQuantity: Quantity

    /// The parts of `order` a portfolio keeps.
    public init(_ order: Order) {
        symbol = order.symbol
        if case .option(let contract) = order.instrument { self.contract = contract } else { contract = nil }
        side = order.side
        kind = order.kind
        remainingQuantity = order.remainingQuantity
    }

    /// Units of the underlying per unit ordered: 1, or the option's multiplier.
    public var multiplier: Int { contract?.multiplier ?? 1 }

    private enum CodingKeys: String, CodingKey {
        case symbol, contract, side, kind
        case remainingQuantity = "remaining_quantity"
    }

    /// Decodes a kept order; one saved without a contract is a spot order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        symbol = try container.decode(Symbol.self, forKey: .symbol)
        contract = try container.decodeIfPresent(OptionContract.self, forKey: .contract)
        side = try container.decode(OrderSide.self, forKey: .side)
        kind = try container.decode(Order.Kind.self, forKey: .kind)
        remainingQuantity = try container.decode(Quantity.self, forKey: .remainingQuantity)
    }

    /// Encodes the kept order; a spot order's contract is left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(symbol, forKey: .symbol)
        try container.encodeIfPresent(contract, forKey: .contract)
        try container.encode(side, forKey: .side)
        try container.encode(kind, forKey: .kind)
        try container.encode(remainingQuantity, forKey: .remainingQuantity)
    }
}
