import TraderCore

/// Entries only: a spread no wider than `max_spread_bps`, and at least `min_depth_within_20bps` of
/// the quote currency on each side of the book within 20 bps of mid. Exactly at either limit passes.
struct LiquidityCheck: ProposalCheck {
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        guard !candidate.isExit else { return nil }
        let limits = session.limits.liquidity
        if !candidate.quote.spread(isWithinBps: limits.maxSpreadBps) {
            return RiskFinding(
                .spreadTooWide, limit: limits.maxSpreadBps, value: candidate.quote.spreadBps.flatMap(FixedPoint.init(nearest:)) ?? .max,
                unit: .basisPoints, detail: "\(candidate.symbol) spread is too wide for an entry")
        }
        guard limits.minDepthWithin20Bps.raw > 0 else { return nil }
        guard let book = session.context.books[candidate.symbol] else {
            return RiskFinding(.missingBook, detail: "no order book for \(candidate.symbol) to measure depth on")
        }
        let depth = (try? book.depth(withinBps: 20)) ?? nil
        let thinnest = depth.map { Swift.min($0.bid, $0.ask) } ?? .zero
        if thinnest < limits.minDepthWithin20Bps {
            return RiskFinding(
                .insufficientDepth, limit: limits.minDepthWithin20Bps, value: thinnest, unit: .quote,
                detail: "\(candidate.symbol) book is too thin within 20 bps of mid")
        }
        return nil
    }
}
