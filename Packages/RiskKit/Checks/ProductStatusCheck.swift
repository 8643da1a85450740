import TraderCore

/// The product's status against `exchange_health`: `block_entries` refuses entries; a product that
/// accepts no new orders (cancel-only, disabled, offline) refuses everything whatever the policy
/// says. A `halt` action was already turned into a halt before the checks ran.
struct ProductStatusCheck: ProposalCheck {
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        let status = candidate.rules.status
        guard status != .online else { return nil }
        let action = session.limits.breakers.statusActions[status] ?? .halt
        if action != .allow && !candidate.isExit {
            return RiskFinding(
                .productEntriesBlocked, detail: "\(candidate.symbol) is \(status.rawValue); exchange_health allows exits only")
        }
        switch status {
        case .cancelOnly, .disabled, .offline:
            return RiskFinding(.productNotTradable, detail: "\(candidate.symbol) is \(status.rawValue); the venue accepts no new orders")
        case .online, .limitOnly, .postOnly:
            return nil
        }
    }
}
