import CostModel
import TraderCore

/// The risk layer: every proposal passes here before it can become an order. It decides the
/// trading state (halts and stops first), then runs the configured checks on each proposal in
/// order, sizes the survivors exactly to the product's increments and minimums, and explains every
/// refusal and every cut with a ``RiskReasonCode`` and the numbers behind it.
///
/// Evaluation is pure: the same proposals, portfolio, context and state always give the same
/// result, and nothing is mutated; the shell records approved trades in ``RiskState`` afterwards.
/// Proposals are taken in order, and each approval counts against the limits of those after it.
public struct RiskEngine: Sendable {
    /// The limits enforced.
    public let limits: RiskLimits

    /// An engine enforcing `limits`.
    public init(limits: RiskLimits) {
        self.limits = limits
    }

    /// Approves, resizes or refuses each proposal.
    public func evaluate(
        _ proposals: [TradeProposal], portfolio: Portfolio, context: RiskContext, state: RiskState
    ) -> RiskEvaluation {
        // perf: the session reads these in place (see RiskSession): none of them is copied.
        withUnsafePointer(to: limits) { limits in
            withUnsafePointer(to: context) { context in
                withUnsafePointer(to: state) { state in
                    withUnsafePointer(to: portfolio) { portfolio in
                        var session = RiskSession(
                            limits: limits, context: context, state: state, portfolio: portfolio, proposals: proposals)
                        return evaluate(proposals, in: &session)
                    }
                }
            }
        }
    }

    /// Decides on each proposal in turn, each approval landing in `session` before the next.
    private func evaluate(_ proposals: [TradeProposal], in session: inout RiskSession) -> RiskEvaluation {
        let (tradingState, stops) = TradingStops.evaluate(session)
        var approved: [ApprovedTrade] = []
        var rejected: [RiskRejection] = []
        approved.reserveCapacity(proposals.count)
        // Room for rejections is made at the first one: most evaluations refuse nothing.
        func reject(_ proposal: TradeProposal, _ finding: RiskFinding) {
            if rejected.isEmpty { rejected.reserveCapacity(proposals.count) }
            rejected.append(RiskRejection(proposal: proposal, finding: finding))
        }
        // By index, each proposal read in place: `for proposal in` would copy each one once more.
        for index in proposals.indices {
            switch decide(proposals[index], tradingState: tradingState, stops: stops, session: session) {
            case .success(let trade):
                do {
                    try session.commit(trade, last: index == proposals.count - 1)
                    approved.append(trade)
                } catch {
                    let overflow = RiskFinding(.totalExposureCap, detail: "exposure would leave the fixed-point range")
                    reject(proposals[index], overflow)
                }
            case .failure(let finding):
                reject(proposals[index], finding)
            }
        }
        return RiskEvaluation(tradingState: tradingState, stops: stops, approved: approved, rejected: rejected, nav: session.nav)
    }

    private func decide(
        _ proposal: TradeProposal, tradingState: TradingState, stops: [RiskFinding], session: borrowing RiskSession
    ) -> Result<ApprovedTrade, RiskFinding> {
        let isExit = proposal.side == .sell
        if tradingState == .halted || (tradingState == .reducing && !isExit) {
            return .failure(stops[0])
        }
        if let right = proposal.option { return decideOption(proposal, right: right, session: session) }
        let symbol = proposal.symbol
        guard let rules = session.context.products[symbol] else {
            return .failure(RiskFinding(.missingProductRules, detail: "no product rules for \(symbol)"))
        }
        guard let quote = session.context.quotes[symbol] else {
            return .failure(RiskFinding(.missingQuote, detail: "no quote for \(symbol); nothing is priced blind"))
        }
        var candidate: RiskCandidate
        if isExit {
            let sellable = session.sellable(symbol)
            guard !sellable.isZero else {
                return .failure(RiskFinding(.noPosition, detail: "nothing of \(symbol) held beyond working sells"))
            }
            let notional = (try? quote.bid.notional(of: sellable, rounding: .down)) ?? .max
            candidate = RiskCandidate(proposal: proposal, rules: rules, quote: quote, notional: notional, sellable: sellable)
        } else {
            candidate = RiskCandidate(
                proposal: proposal, rules: rules, quote: quote, notional: plannedNotional(proposal, quote: quote, session), sellable: .zero)
            if let cap = maxSizeCut(candidate.notional, session) {
                candidate.adjustments.append(cap.finding)
                candidate.notional = cap.notional
            }
        }
        for check in limits.checks {
            if let refusal = check.check(&candidate, in: session) { return .failure(refusal) }
        }
        return OrderSizer(limits: limits.sizing).size(candidate)
    }

    /// The proposal's fixed quantity at the ask (rounded up, so sizing gives the quantity back), or
    /// its % of NAV as a notional, rounded down.
    private func plannedNotional(
        _ proposal: TradeProposal, quote: Quote, _ session: borrowing RiskSession
    ) -> FixedPoint {
        if let quantity = proposal.quantity {
            return (try? quote.ask.notional(of: quantity, rounding: .up)) ?? .max
        }
        return session.amount(pctOfNAV: FixedPoint(nearest: proposal.sizePct) ?? .zero)
    }

    /// The cut to `max_size_pct` of NAV, when the notional is above it.
    func maxSizeCut(
        _ notional: FixedPoint, _ session: borrowing RiskSession
    ) -> (notional: FixedPoint, finding: RiskFinding)? {
        let largest = session.largestEntry
        guard notional > largest else { return nil }
        return (largest, RiskFinding(.maxSize, limit: largest, value: notional, unit: .quote, detail: "cut to max_size_pct of NAV"))
    }
}
