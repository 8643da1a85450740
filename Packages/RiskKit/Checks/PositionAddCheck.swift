import TraderCore

/// Adds only (a buy of a symbol already held or being bought; a re-quote is not one): the position's
/// entries stay within `max_entries_per_position`, spaced by `min_minutes_between_adds`, each
/// buying `min_add_improvement_pct` below the last.
struct PositionAddCheck: ProposalCheck {
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        let symbol = candidate.symbol
        guard !candidate.isExit, !candidate.isRequote, session.isOpen(symbol), let entries = session.state.positionEntries[symbol] else {
            return nil
        }
        let limits = session.limits.adds
        if let most = limits.maxEntriesPerPosition, entries.count >= most {
            return RiskFinding(
                .maxEntriesPerPosition, limit: FixedPoint(most), value: FixedPoint(entries.count), unit: .none,
                detail: "\(symbol) has had \(entries.count) entries, the most one position takes")
        }
        let now = session.context.now
        if let spacing = limits.minTimeBetweenAdds, entries.lastAt.advanced(by: spacing) > now {
            return RiskFinding(
                .addTooSoon, limit: spacing.fixedPointSeconds, value: entries.lastAt.duration(to: now).fixedPointSeconds, unit: .seconds,
                detail: "\(symbol) was last entered at \(entries.lastAt)")
        }
        if let improvement = limits.minImprovementPct {
            let price = candidate.price.value
            // The add must buy at or below the last entry's price less the improvement.
            let most = (try? entries.lastPrice.value.subtracting(entries.lastPrice.value.multiplied(by: improvement, dividedBy: FixedPoint(100), rounding: .up))) ?? .zero
            if price > most {
                return RiskFinding(
                    .addWithoutImprovement, limit: most, value: price, unit: .quote,
                    detail: "\(symbol) at \(price) is not \(improvement) % below the last entry at \(entries.lastPrice)")
            }
        }
        return nil
    }
}
