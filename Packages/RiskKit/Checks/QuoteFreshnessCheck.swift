import TraderCore

/// A quote no older than `max_quote_staleness_seconds` (exactly that old passes) and not crossed.
struct QuoteFreshnessCheck: ProposalCheck {
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        let age = candidate.quote.age(at: session.context.now)
        let limit = session.limits.breakers.maxQuoteStaleness
        if age > limit {
            return RiskFinding(
                .staleQuote, limit: limit.fixedPointSeconds, value: age.fixedPointSeconds, unit: .seconds,
                detail: "\(candidate.symbol) quote from \(candidate.quote.time) is stale")
        }
        if candidate.quote.isCrossed {
            return RiskFinding(
                .crossedQuote, limit: candidate.quote.ask.value, value: candidate.quote.bid.value, unit: .quote,
                detail: "\(candidate.symbol) bid \(candidate.quote.bid) is at or above ask \(candidate.quote.ask)")
        }
        return nil
    }
}
