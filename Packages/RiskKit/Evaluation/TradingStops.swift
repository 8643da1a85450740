import TraderCore

/// The halts and entry stops, decided once per evaluation before any proposal is looked at: the
/// kill switch, the operator's state, drawdown, API health, exchange status, loss stops, the crash
/// regime and a missing NAV. Each that trips is reported, most severe first.
enum TradingStops {
    /// The state that applies and the findings that set it.
    static func evaluate(_ session: borrowing RiskSession) -> (state: TradingState, stops: [RiskFinding]) {
        var halts: [RiskFinding] = []
        var reductions: [RiskFinding] = []
        // Read through the session in place: binding its context or limits to a constant would
        // copy them.
        if session.context.killSwitchEngaged {
            halts.append(RiskFinding(.killSwitchEngaged, detail: "the kill switch is engaged; no orders"))
        }
        if session.context.tradingState == .halted {
            halts.append(RiskFinding(.tradingHalted, detail: "the operator halted trading"))
        }
        if let nav = session.nav, let drawdown = drawdown(nav: nav, session) { halts.append(drawdown) }
        apiHealth(session.context.venueHealth, session.limits.breakers, into: &halts)
        statusHalts(session.context.products, session.limits.breakers, into: &halts)

        if session.nav == nil {
            reductions.append(RiskFinding(.navUnavailable, detail: "NAV is unknown or not positive (a held symbol has no mark)"))
        } else {
            lossStops(session, into: &reductions)
        }
        if session.context.isCrashRegime && session.limits.breakers.haltOnCrashRegime {
            reductions.append(RiskFinding(.crashRegime, detail: "the market is in a crash regime; entries stop"))
        }
        if session.context.tradingState == .reducing {
            reductions.append(RiskFinding(.reducingOnly, detail: "the operator set REDUCING; exits only"))
        }
        let state: TradingState = !halts.isEmpty ? .halted : !reductions.isEmpty ? .reducing : .active
        return (state, reductions.isEmpty ? halts : halts + reductions)
    }

    /// Drawdown from peak NAV at or past the limit.
    private static func drawdown(nav: FixedPoint, _ session: borrowing RiskSession) -> RiskFinding? {
        let peak = Swift.max(session.state.peakNAV, nav)
        guard let fall = try? peak.subtracting(nav), fall.raw > 0,
            let limit = try? peak.multiplied(by: session.limits.losses.maxDrawdownPct, dividedBy: FixedPoint(100), rounding: .down),
            fall >= limit
        else { return nil }
        return RiskFinding(
            .maxDrawdown, limit: limit, value: fall, unit: .quote, detail: "NAV \(nav) is down from its peak \(peak)")
    }

    /// The products whose status the breakers halt on, in symbol order, appended to `findings`.
    private static func statusHalts(
        _ products: [Symbol: ProductRules], _ limits: BreakerLimits, into findings: inout [RiskFinding]
    ) {
        var halting: [ProductRules] = []
        for rules in products.values where rules.status != .online {
            if (limits.statusActions[rules.status] ?? .halt) == .halt { halting.append(rules) }
        }
        // Sorting copies the list, even an empty one: most evaluations find every product online.
        if halting.count > 1 { halting.sort { $0.symbol < $1.symbol } }
        for rules in halting {
            findings.append(
                RiskFinding(.exchangeStatusHalt, detail: "\(rules.symbol) is \(rules.status.rawValue) and exchange_health halts on it"))
        }
    }

    /// Failure rate and rate-limit hits in the window, appended to `findings`.
    private static func apiHealth(_ health: VenueHealth, _ limits: BreakerLimits, into findings: inout [RiskFinding]) {
        if health.failures > 0 && health.failureRatePct >= limits.apiErrorRateThresholdPct {
            findings.append(
                RiskFinding(
                    .apiErrorRate, limit: FixedPoint(nearest: limits.apiErrorRateThresholdPct) ?? .zero,
                    value: FixedPoint(nearest: health.failureRatePct) ?? .max, unit: .percent,
                    detail: "\(health.failures) of \(health.requests) venue requests failed in the window"))
        }
        if health.rateLimitHits > 0 && health.rateLimitHits >= limits.maxRateLimitHits {
            findings.append(
                RiskFinding(
                    .rateLimitHits, limit: FixedPoint(limits.maxRateLimitHits), value: FixedPoint(health.rateLimitHits),
                    unit: .count, detail: "the venue rate-limited \(health.rateLimitHits) requests in the window"))
        }
    }

    /// Today's and this week's realized loss against their opening NAV, appended to `findings`: the
    /// deepest the period's running realized loss went, so that a stop, once reached, holds until
    /// the period ends (a later profit does not lift it).
    private static func lossStops(_ session: borrowing RiskSession, into findings: inout [RiskFinding]) {
        let day = session.day
        let week = session.limits.losses.timeZone.week(ofDay: day)
        let dayBase = session.state.dayAnchor?.period == day ? session.state.dayAnchor!.nav : session.nav!
        let weekBase = session.state.weekAnchor?.period == week ? session.state.weekAnchor!.nav : session.nav!
        // Computed before the state is read: a call among the arguments would make the compiler
        // copy the whole state it reads the ledger from.
        let thisWeek = session.limits.losses.timeZone.interval(ofWeek: week)
        if let limit = lossLimit(base: dayBase, pct: session.limits.losses.maxDailyLossPct),
            let loss = session.state.deepestRealizedLoss(in: session.today, reaching: limit)
        {
            findings.append(lossStop(.dailyLossLimit, loss: loss, limit: limit, period: "today"))
        }
        if let limit = lossLimit(base: weekBase, pct: session.limits.losses.maxWeeklyLossPct),
            let loss = session.state.deepestRealizedLoss(in: thisWeek, reaching: limit)
        {
            findings.append(lossStop(.weeklyLossLimit, loss: loss, limit: limit, period: "this week"))
        }
    }

    private static func lossLimit(base: FixedPoint, pct: FixedPoint) -> FixedPoint? {
        try? base.multiplied(by: pct, dividedBy: FixedPoint(100), rounding: .down)
    }

    private static func lossStop(_ code: RiskReasonCode, loss: FixedPoint, limit: FixedPoint, period: String) -> RiskFinding {
        RiskFinding(code, limit: limit, value: loss, unit: .quote, detail: "realized loss \(period) reached the stop")
    }
}
