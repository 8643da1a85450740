import TraderCore

/// Entries into a symbol not yet held or pending, while `max_open_positions` are: refused. Adding
/// to an open position is not a new one.
struct OpenPositionsCheck: ProposalCheck {
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        let limit = session.limits.exposure.maxOpenPositions
        guard !candidate.isExit, session.openPositions >= limit, !session.isOpen(candidate.symbol) else {
            return nil
        }
        return RiskFinding(
            .maxOpenPositions, limit: FixedPoint(limit), value: FixedPoint(session.openPositions), unit: .count,
            detail: "\(candidate.symbol) would be one position too many")
    }
}
