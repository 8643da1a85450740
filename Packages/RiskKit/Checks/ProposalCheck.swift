/// One per-proposal check: it refuses with a finding, or lets the candidate through, possibly with
/// a smaller notional and an adjustment noted. Checks never grow a size.
protocol ProposalCheck: Sendable {
    /// Checks `candidate` against what `session` knows.
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding?
}

extension RiskCheckName {
    /// Runs the check this name stands for (a switch, not an existential: static dispatch).
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        switch self {
        case .productStatus: ProductStatusCheck().check(&candidate, in: session)
        case .quoteFreshness: QuoteFreshnessCheck().check(&candidate, in: session)
        case .liquidity: LiquidityCheck().check(&candidate, in: session)
        case .cooldown: CooldownCheck().check(&candidate, in: session)
        case .pacing: PacingCheck().check(&candidate, in: session)
        case .openPositions: OpenPositionsCheck().check(&candidate, in: session)
        case .positionAdds: PositionAddCheck().check(&candidate, in: session)
        case .exposure: ExposureCheck().check(&candidate, in: session)
        }
    }
}
