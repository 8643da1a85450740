/// One per-proposal check: it refuses with a finding, or lets the candidate through, possibly with
/// a smaller notional and an adjustment noted. Checks never grow a size.
protocol ProposalCheck: Sendable {
    /// Checks `candidate` against what `session` knows.
    func check(_ candidate: inout RiskCandidate, in session: RiskSession) -> RiskFinding?
}

extension RiskCheckName {
    /// The check this name stands for.
    var check: any ProposalCheck {
        switch self {
        case .productStatus: ProductStatusCheck()
        case .quoteFreshness: QuoteFreshnessCheck()
        case .liquidity: LiquidityCheck()
        case .cooldown: CooldownCheck()
        case .pacing: PacingCheck()
        case .openPositions: OpenPositionsCheck()
        case .exposure: ExposureCheck()
        }
    }
}
