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
    /// Why, for people and the audit log.
    public let reasons: [String]
    /// The market regime the rules saw, if the classifier had one.
    public let regime: Regime?

    /// Creates a proposal.
    ///
    /// - Precondition: `sizePct` is in 0...100 and `confidence` in 0...1.
    public init(
        symbol: Symbol, side: OrderSide, sizePct: Double, confidence: Double, conviction: Conviction, signal: String,
        reasons: [String], quantity: Quantity? = nil, regime: Regime? = nil
    ) {
        precondition((0...100).contains(sizePct), "size must be 0 to 100 % of NAV, got \(sizePct)")
        precondition((0...1).contains(confidence), "confidence must be 0 to 1, got \(confidence)")
        self.symbol = symbol
        self.side = side
        self.sizePct = sizePct
        self.confidence = confidence
        self.conviction = conviction
        self.signal = signal
        self.reasons = reasons
        self.quantity = quantity
        self.regime = regime
    }
}
