/// What the rules propose: a trade of a size in % of NAV, with the signal that triggered it and the
/// reasons, so that every decision can be explained.
public struct TradeProposal: Hashable, Sendable, Codable {
    /// How strongly the rules believe in a proposal; sizing multiplies by it.
    public enum Conviction: String, CaseIterable, Hashable, Sendable, Codable {
        case low, medium, high
    }

    /// What to trade.
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// The proposed size, % of NAV (risk may resize it down, never up).
    public let sizePct: Double
    /// A fixed size in units of the base asset instead of a share of NAV, when the strategy trades
    /// fixed lots (risk may still cut it, never grow it).
    public let quantity: Quantity?
    /// The signal's confidence, 0 to 1.
    public let confidence: Double
    /// The conviction bucket.
    public let conviction: Conviction
    /// The signal that triggered it.
    public let signal: String
    /// Why, as facts (rendered as text only when read).
    public let facts: [TradeReason]
    /// Why, in words, for people and the audit log.
    public var reasons: [String] { facts.map(\.description) }
    /// The market regime the rules saw, if the classifier had one.
    public let regime: Regime?
    /// For the options bot: buy a call or a put on ``symbol`` (the engine picks the contract and
    /// sizes it in contracts); `nil` for a spot trade.
    public let option: OptionContract.Right?

    /// Creates a proposal with its reasons in words.
    ///
    /// - Precondition: `sizePct` is in 0...100 and `confidence` in 0...1.
    public init(
        symbol: Symbol, side: OrderSide, sizePct: Double, confidence: Double, conviction: Conviction, signal: String,
        reasons: [String], quantity: Quantity? = nil, regime: Regime? = nil, option: OptionContract.Right? = nil
    ) {
        self.init(
            symbol: symbol, side: side, sizePct: sizePct, confidence: confidence, conviction: conviction, signal: signal,
            facts: reasons.map(TradeReason.note), quantity: quantity, regime: regime, option: option)
    }

    /// Creates a proposal from facts.
    ///
    /// - Precondition: `sizePct` is in 0...100 and `confidence` in 0...1.
    public init(
        symbol: Symbol, side: OrderSide, sizePct: Double, confidence: Double, conviction: Conviction, signal: String,
        facts: [TradeReason], quantity: Quantity? = nil, regime: Regime? = nil, option: OptionContract.Right? = nil
    ) {
        precondition((0...100).contains(sizePct), "size must be 0 to 100 % of NAV, got \(sizePct)")
        precondition((0...1).contains(confidence), "confidence must be 0 to 1, got \(confidence)")
        self.symbol = symbol
        self.side = side
        self.sizePct = sizePct
        self.confidence = confidence
        self.conviction = conviction
        self.signal = signal
        self.facts = facts
        self.quantity = quantity
        self.regime = regime
        self.option = option
    }
}

extension TradeProposal {
    /// Equal when every field is, the reasons compared in words: a proposal read back from a saved
    /// state (its facts become words) equals the one that was saved.
    public static func == (lhs: TradeProposal, rhs: TradeProposal) -> Bool {
        lhs.symbol == rhs.symbol && lhs.side == rhs.side && lhs.sizePct == rhs.sizePct && lhs.quantity == rhs.quantity
            && lhs.confidence == rhs.confidence && lhs.conviction == rhs.conviction && lhs.signal == rhs.signal
            && lhs.regime == rhs.regime && lhs.option == rhs.option && (lhs.facts == rhs.facts || lhs.reasons == rhs.reasons)
    }

    /// Hashes what ``==`` compares, the reasons in words.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(symbol)
        hasher.combine(side)
        hasher.combine(sizePct)
        hasher.combine(quantity)
        hasher.combine(confidence)
        hasher.combine(conviction)
        hasher.combine(signal)
        hasher.combine(regime)
        hasher.combine(option)
        hasher.combine(reasons)
    }

    private enum CodingKeys: String, CodingKey {
        case symbol, side, sizePct, quantity, confidence, conviction, signal, reasons, regime, option
    }

    /// Decodes a saved proposal; its reasons come back as words (``TradeReason/note(_:)``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            symbol: try container.decode(Symbol.self, forKey: .symbol), side: try container.decode(OrderSide.self, forKey: .side),
            sizePct: try container.decode(Double.self, forKey: .sizePct),
            confidence: try container.decode(Double.self, forKey: .confidence),
            conviction: try container.decode(Conviction.self, forKey: .conviction),
            signal: try container.decode(String.self, forKey: .signal), reasons: try container.decode([String].self, forKey: .reasons),
            quantity: try container.decodeIfPresent(Quantity.self, forKey: .quantity),
            regime: try container.decodeIfPresent(Regime.self, forKey: .regime),
            option: try container.decodeIfPresent(OptionContract.Right.self, forKey: .option))
    }

    /// Encodes the proposal with its reasons in words.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(symbol, forKey: .symbol)
        try container.encode(side, forKey: .side)
        try container.encode(sizePct, forKey: .sizePct)
        try container.encodeIfPresent(quantity, forKey: .quantity)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(conviction, forKey: .conviction)
        try container.encode(signal, forKey: .signal)
        try container.encode(reasons, forKey: .reasons)
        try container.encodeIfPresent(regime, forKey: .regime)
        try container.encodeIfPresent(option, forKey: .option)
    }
}
