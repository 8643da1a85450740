import TraderCore

/// Entries only: the asset cap, the universe tier's position and allocation caps, the theme cap
/// and the total cap, each counting what is held, pending and unreflected plus this evaluation's
/// approvals. An entry that fits exactly passes; one that does
/// not is cut down to the room left, noting each cap that cut it; a cap with no room left refuses it.
struct ExposureCheck: ProposalCheck {
    func check(_ candidate: inout RiskCandidate, in session: borrowing RiskSession) -> RiskFinding? {
        guard !candidate.isExit else { return nil }
        guard let exposure = session.exposure else {
            return RiskFinding(.navUnavailable, detail: "exposure is unknown; no entry")
        }
        let caps = session.limits.exposure
        let symbol = candidate.symbol
        if let refusal = fit(
            &candidate, code: .assetExposureCap, cap: session.amount(pctOfNAV: caps.capPct(assetOf: symbol)),
            current: exposure.exposure(assetOf: symbol), scope: "asset \(symbol.base)")
        {
            return refusal
        }
        if let tier = session.context.tiers[symbol] {
            if let refusal = fit(
                &candidate, code: .tierPositionCap, cap: session.amount(pctOfNAV: tier.maxPositionPct),
                current: exposure.exposure(of: symbol), scope: "tier \(tier.name) position")
            {
                return refusal
            }
            if let refusal = fit(
                &candidate, code: .tierAllocationCap, cap: session.amount(pctOfNAV: tier.maxAllocationPct),
                current: exposure.exposure(tierOf: symbol), scope: "tier \(tier.name) allocation")
            {
                return refusal
            }
        }
        if let theme = session.context.themes[symbol],
            let refusal = fit(
                &candidate, code: .themeExposureCap, cap: session.amount(pctOfNAV: caps.capPct(theme: theme)),
                current: exposure.exposure(themeOf: symbol), scope: "theme \(theme)")
        {
            return refusal
        }
        return fit(
            &candidate, code: .totalExposureCap, cap: session.totalCap, current: exposure.total,
            scope: "total")
    }

    /// Refuses when `cap` has no room above `current`, or cuts the candidate to the room.
    private func fit(
        _ candidate: inout RiskCandidate, code: RiskReasonCode, cap: FixedPoint, current: FixedPoint,
        scope: @autoclosure () -> String
    ) -> RiskFinding? {
        let room = (try? cap.subtracting(current)) ?? .zero
        guard room.raw > 0 else {
            return RiskFinding(code, limit: cap, value: current, unit: .quote, detail: "no room under the \(scope()) cap")
        }
        if candidate.notional > room {
            let wanted = (try? current.adding(candidate.notional)) ?? .max
            candidate.adjustments.append(
                RiskFinding(code, limit: cap, value: wanted, unit: .quote, detail: "cut to the room under the \(scope()) cap"))
            candidate.notional = room
        }
        return nil
    }
}
