import TraderCore

/// A proposal the risk layer approved, with the exact order size it may be sent at.
public struct ApprovedTrade: Hashable, Sendable {
    /// The proposal as the rules made it.
    public let proposal: TradeProposal
    /// The size, on the product's increment.
    public let quantity: Quantity
    /// The price it was sized at: the ask for a buy, the bid for a sell.
    public let referencePrice: Price
    /// `quantity × referencePrice`, rounded down.
    public let notional: FixedPoint
    /// Every limit that cut the size down, in the order applied (`asset_exposure_cap`, `max_size`, ...).
    public let adjustments: [RiskFinding]
    /// The option contract bought, for an option proposal (``quantity`` is then in contracts,
    /// ``referencePrice`` the premium and ``notional`` premium × multiplier × contracts).
    public var contract: OptionContract? = nil
    /// Whether it reduces a position rather than opening or growing one.
    public var isExit: Bool { proposal.side == .sell }
}

/// A proposal the risk layer refused, with the reason.
public struct RiskRejection: Hashable, Sendable {
    /// The proposal as the rules made it.
    public let proposal: TradeProposal
    /// Why.
    public let finding: RiskFinding
    /// The reason code (shorthand for `finding.code`).
    public var code: RiskReasonCode { finding.code }
}

/// What one evaluation decided: the trading state that applied and why, the approvals (possibly
/// resized down) and the rejections, each proposal in exactly one of the two lists, in input order.
public struct RiskEvaluation: Hashable, Sendable {
    /// The state that applied: the operator's, tightened by any halt or stop.
    public let tradingState: TradingState
    /// The halts and stops that tightened it, most severe first.
    public let stops: [RiskFinding]
    /// Approved trades, in proposal order.
    public let approved: [ApprovedTrade]
    /// Refused proposals, in proposal order.
    public let rejected: [RiskRejection]
    /// NAV at evaluation, when it could be computed.
    public let nav: FixedPoint?
}
