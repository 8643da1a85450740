import TraderCore

/// A proposal on its way through the checks: what it would trade and at what size so far.
struct RiskCandidate {
    /// The proposal.
    let proposal: TradeProposal
    /// The product's rules.
    let rules: ProductRules
    /// The quote it is priced on.
    let quote: Quote
    /// Entries: the notional planned so far; exits: what selling everything sellable would fetch.
    var notional: FixedPoint
    /// Exits: the quantity held and not already being sold.
    let sellable: Quantity
    /// Limits that cut the size down so far.
    var adjustments: [RiskFinding] = []

    /// Whether it reduces a position.
    var isExit: Bool { proposal.side == .sell }
    /// Whether it re-quotes an order's unfilled part (the same trade, not a new one).
    var isRequote: Bool { proposal.facts.contains { if case .requote = $0 { true } else { false } } }
    /// The symbol.
    var symbol: Symbol { proposal.symbol }
    /// The price it trades at: the ask for a buy, the bid for a sell.
    var price: Price { isExit ? quote.bid : quote.ask }
}
