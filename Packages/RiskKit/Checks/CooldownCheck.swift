import TraderCore

/// Entries only: a symbol rests after a round trip until its cooldown ends (the end instant itself
/// is free again).
struct CooldownCheck: ProposalCheck {
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        guard !candidate.isExit, let until = session.state.cooldowns[candidate.symbol], until > session.context.now else {
            return nil
        }
        return RiskFinding(
            .symbolCooldownActive, limit: .zero, value: session.context.now.duration(to: until).fixedPointSeconds,
            unit: .seconds, detail: "\(candidate.symbol) rests until \(until)")
    }
}
