import TraderCore

extension RiskEngine {
    /// Decides on buying the option of `right` that the context's board offers on the proposal's
    /// underlying: the session gate, then the standard checks on the option's quote (its age, its
    /// spread) with the underlying's product status and caps, then contracts from
    /// ``OptionContractSizer`` within the room the caps left. One option position per underlying:
    /// while one is held or being bought, the bracket manages it and a new trigger is refused. The
    /// halts and stops were decided before (the daily loss stop among them).
    func decideOption(
        _ proposal: TradeProposal, right: OptionContract.Right, session: borrowing RiskSession
    ) -> Result<ApprovedTrade, RiskFinding> {
        let symbol = proposal.symbol
        guard let terms = limits.options else {
            return .failure(RiskFinding(.optionsNotEnabled, detail: "an option proposal on \(symbol) with no options policy"))
        }
        if session.holdsOption(on: symbol) {
            return .failure(RiskFinding(.optionPositionOpen, detail: "an option on \(symbol) is held or being bought; its bracket manages it"))
        }
        let now = session.context.now
        if let sessions = terms.sessions, !sessions.isOpen(at: now) {
            return .failure(RiskFinding(.outsideTradingHours, detail: "\(now) is outside the regular session; no new option position"))
        }
        guard let rules = session.context.products[symbol] else {
            return .failure(RiskFinding(.missingProductRules, detail: "no product rules for \(symbol)"))
        }
        guard let offer = session.context.optionBoards[symbol]?[right] else {
            return .failure(RiskFinding(.missingOptionQuote, detail: "no quoted \(right == .call ? "call" : "put") on \(symbol) to buy"))
        }
        if offer.quote.askSize < terms.minAskSize {
            return .failure(
                RiskFinding(
                    .optionQuoteTooThin, limit: terms.minAskSize.value, value: offer.quote.askSize.value, unit: .count,
                    detail: "\(symbol) option ask shows \(offer.quote.askSize) contracts"))
        }
        guard let nav = session.nav else { return .failure(RiskFinding(.navUnavailable, detail: "NAV is unknown; no entry")) }
        let premium = offer.quote.ask
        let multiplier = offer.contract.multiplier
        // The contracts the risk budget allows, unbounded by the caps, priced as the planned notional
        // the checks may cut; the sizer then fits whole contracts into what they leave.
        guard case .success(let byRisk) = terms.sizer.contracts(equity: nav, premium: premium, multiplier: multiplier, room: .max),
            let perContract = try? premium.value.multiplied(by: FixedPoint(multiplier), rounding: .up),
            let planned = try? perContract.multiplied(by: FixedPoint(byRisk), rounding: .up)
        else {
            return .failure(RiskFinding(.optionContractExceedsCap, detail: "premium \(premium) × \(multiplier) cannot be sized"))
        }
        var candidate = RiskCandidate(proposal: proposal, rules: rules, quote: offer.quote, notional: planned, sellable: .zero)
        if let cap = maxSizeCut(candidate.notional, session) {
            candidate.adjustments.append(cap.finding)
            candidate.notional = cap.notional
        }
        for check in limits.checks {
            if let refusal = check.check(&candidate, in: session) { return .failure(refusal) }
        }
        switch terms.sizer.contracts(equity: nav, premium: premium, multiplier: multiplier, room: candidate.notional) {
        case .failure(let finding):
            return .failure(finding)
        case .success(let contracts):
            guard let notional = try? perContract.multiplied(by: FixedPoint(contracts), rounding: .up) else {
                return .failure(RiskFinding(.optionContractExceedsCap, detail: "\(contracts) contracts cannot be priced"))
            }
            var trade = ApprovedTrade(
                proposal: proposal, quantity: Quantity(FixedPoint(contracts)), referencePrice: premium, notional: notional,
                adjustments: candidate.adjustments)
            trade.contract = offer.contract
            return .success(trade)
        }
    }
}
