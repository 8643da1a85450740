extension Portfolio: Codable {
    private enum CodingKeys: String, CodingKey {
        case currency, cash, positions
        case workingOrders = "working_orders"
    }

    /// Decodes a saved portfolio; the quote-currency check applies to its positions and working
    /// orders as it did when they were first tracked.
    ///
    /// - Throws: `DecodingError`; ``Portfolio/Error`` `quote_currency` for a working order or
    ///   position not quoted in the portfolio's currency.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            currency: try container.decode(Currency.self, forKey: .currency), cash: try container.decode(FixedPoint.self, forKey: .cash),
            positions: try container.decode(SymbolMap<Position>.self, forKey: .positions),
            kept: try container.decode([ClientOrderID: WorkingOrder].self, forKey: .workingOrders))
    }

    /// Encodes currency, cash, positions and working orders (objects keyed by symbol and by id;
    /// each working order as the portfolio keeps it: symbol, side, kind, remaining quantity).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(currency, forKey: .currency)
        try container.encode(cash, forKey: .cash)
        try container.encode(positions, forKey: .positions)
        try container.encode(workingOrders, forKey: .workingOrders)
    }
}
