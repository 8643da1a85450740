extension Portfolio: Codable {
    private enum CodingKeys: String, CodingKey {
        case currency, cash, positions
        case workingOrders = "working_orders"
        case optionPositions = "option_positions"
        case optionMarks = "option_marks"
    }

    /// An option contract's premium mark, as saved.
    struct OptionMark: Codable {
        let contract: OptionContract
        let premium: Price
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
        for position in try container.decodeIfPresent([Position].self, forKey: .optionPositions) ?? [] {
            guard case .option(let contract) = position.instrument else {
                throw DecodingError.dataCorruptedError(
                    forKey: .optionPositions, in: container, debugDescription: "a spot position of \(position.symbol) among the option positions")
            }
            try requireQuote(contract.underlying)
            optionPositions[contract] = position
        }
        for mark in try container.decodeIfPresent([OptionMark].self, forKey: .optionMarks) ?? [] {
            optionMarks[mark.contract] = mark.premium
        }
    }

    /// The option positions and marks in contract order, so that equal portfolios encode to equal
    /// bytes.
    var savedOptions: (positions: [Position], marks: [OptionMark]) {
        (
            optionPositions.sorted { $0.key < $1.key }.map(\.value),
            optionMarks.sorted { $0.key < $1.key }.map { OptionMark(contract: $0.key, premium: $0.value) }
        )
    }

    /// Encodes currency, cash, positions and working orders (objects keyed by symbol and by id;
    /// each working order as the portfolio keeps it: symbol, side, kind, remaining quantity), then
    /// the option positions and premium marks, when there are any.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(currency, forKey: .currency)
        try container.encode(cash, forKey: .cash)
        try container.encode(positions, forKey: .positions)
        try container.encode(workingOrders, forKey: .workingOrders)
        guard !optionPositions.isEmpty || !optionMarks.isEmpty else { return }
        let options = savedOptions
        try container.encode(options.positions, forKey: .optionPositions)
        try container.encode(options.marks, forKey: .optionMarks)
    }
}
