import TraderCore

/// The hard stops of last resort on every trade (trades in the rolling hour, trades in the calendar
/// day), then the global spacing between entries. A limit of N allows the Nth trade and refuses the
/// (N+1)th; a trade exactly `min_seconds_between_trades` after the last passes.
struct PacingCheck: ProposalCheck {
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        let pacing = session.limits.pacing
        if session.tradesInHour >= pacing.maxTradesPerHour {
            return RiskFinding(
                .maxTradesPerHour, limit: FixedPoint(pacing.maxTradesPerHour), value: FixedPoint(session.tradesInHour),
                unit: .count, detail: "the last hour already holds the most trades allowed")
        }
        if session.tradesToday >= pacing.maxTradesPerDay {
            return RiskFinding(
                .maxTradesPerDay, limit: FixedPoint(pacing.maxTradesPerDay), value: FixedPoint(session.tradesToday),
                unit: .count, detail: "today already holds the most trades allowed")
        }
        guard !candidate.isExit, let last = session.lastTrade else { return nil }
        let since = last.duration(to: session.context.now)
        if since < pacing.minTimeBetweenTrades {
            return RiskFinding(
                .globalTradeSpacing, limit: pacing.minTimeBetweenTrades.fixedPointSeconds, value: since.fixedPointSeconds,
                unit: .seconds, detail: "too soon after the trade at \(last)")
        }
        return nil
    }
}
