import TradingEngine

/// Why a run did or did not trade, counted over its cycles: cycles without a signal, triggers the
/// rules suppressed, proposals risk refused or cut, and approvals that made no order, by reason code.
public struct DecisionTally: Hashable, Sendable {
    /// Cycles in which no signal fired.
    public private(set) var cyclesWithoutSignal = 0
    /// Counts by `<stage>.<code>`: `suppressed.regime_unknown`, `rejected.asset_exposure_cap`,
    /// `cut.max_size`, `no_order.no_valid_order`, `approved.buy`, `approved.sell` (re-quotes are
    /// evaluated and counted like new trades), `universe.red_flag_ban`, `cancel.post_only_ttl`,
    /// `lookup.submit_outcome_unknown` (one per cycle an order waits for its lookup),
    /// `requote_dropped.max_requotes_reached`, `bad_tick` (a candle the bad-tick guard rejected).
    public private(set) var counts: [String: Int] = [:]

    /// No cycles yet.
    public init() {}

    /// Counts one cycle's outcome.
    public mutating func count(_ outcome: CycleOutcome) {
        if outcome.decision.proposals.isEmpty { cyclesWithoutSignal += 1 }
        guard
            !outcome.decision.suppressions.isEmpty || !outcome.decision.noTrade.isEmpty || outcome.risk != nil
                || !outcome.intents.isEmpty || !outcome.droppedRequotes.isEmpty || !outcome.universeRejections.isEmpty
        else { return }
        for rejected in outcome.rejectedCandles { counts[rejected.code, default: 0] += 1 }
        for suppression in outcome.suppressions { counts["suppressed.\(suppression.code)", default: 0] += 1 }
        for rejection in outcome.universeRejections { counts["universe.\(rejection.bar.code)", default: 0] += 1 }
        for intent in outcome.intents {
            switch intent {
            case .cancel(_, let reason): counts["cancel.\(reason)", default: 0] += 1
            case .lookup: counts["lookup.submit_outcome_unknown", default: 0] += 1
            case .place: break
            }
        }
        for dropped in outcome.droppedRequotes { counts["requote_dropped.\(dropped.code)", default: 0] += 1 }
        guard let risk = outcome.risk else { return }
        for rejection in risk.rejected { counts["rejected.\(rejection.code.rawValue)", default: 0] += 1 }
        for trade in risk.approved {
            counts[trade.proposal.side == .buy ? "approved.buy" : "approved.sell", default: 0] += 1
            for adjustment in trade.adjustments { counts["cut.\(adjustment.code.rawValue)", default: 0] += 1 }
        }
        if let reason = outcome.noTradeReason, reason == .noValidOrder {
            counts["no_order.\(reason.rawValue)", default: 0] += 1
        }
    }
}
