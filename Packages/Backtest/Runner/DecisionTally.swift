import Analytics
import TraderCore
import TradingEngine

/// Why a run did or did not trade, counted over its cycles: cycles without a signal, triggers the
/// rules suppressed, proposals risk refused or cut, and approvals that made no order, by reason code.
public struct DecisionTally: Hashable, Sendable {
    /// The stage of a decision a count belongs to: the first part of its name in ``counts``.
    private enum Stage: String, Sendable {
        case suppressed, universe, cancel, lookup, rejected, approved, cut
        case requoteDropped = "requote_dropped"
        case noOrder = "no_order"
    }

    /// Cycles in which no signal fired.
    public private(set) var cyclesWithoutSignal = 0
    /// Each count with its stage (`nil` for `bad_tick`, which is named by its code alone) and code,
    /// in first-seen order, found by comparing values: a run names them only when read.
    private var tallies: [(stage: Stage?, code: String, count: Int)] = []
    /// The rejections (by risk or the universe) of each UTC day, in day order, for a report to draw
    /// over time; ``counts`` sums them per run.
    public private(set) var rejectionsByDay: [DailyCount] = []

    /// No cycles yet.
    public init() {}

    /// Counts by `<stage>.<code>`: `suppressed.regime_unknown`, `rejected.asset_exposure_cap`,
    /// `cut.max_size`, `no_order.no_valid_order`, `approved.buy`, `approved.sell` (re-quotes are
    /// evaluated and counted like new trades), `universe.red_flag_ban`, `cancel.post_only_ttl`,
    /// `lookup.submit_outcome_unknown` (one per cycle an order waits for its lookup),
    /// `requote_dropped.max_requotes_reached`, `bad_tick` (a candle the bad-tick guard rejected).
    public var counts: [String: Int] {
        Dictionary(uniqueKeysWithValues: tallies.lazy.map { tally in
            (tally.stage.map { "\($0.rawValue).\(tally.code)" } ?? tally.code, tally.count)
        })
    }

    /// Counts one cycle's outcome. Always inlined: most cycles only lack a signal, which is counted
    /// here without a call (or a copy of the outcome to make one).
    @inline(__always)
    public mutating func count(_ outcome: CycleOutcome) {
        if outcome.decision.proposals.isEmpty { cyclesWithoutSignal += 1 }
        guard
            outcome.risk != nil || !outcome.intents.isEmpty || !outcome.decision.noTrade.isEmpty
                || !outcome.decision.suppressions.isEmpty || !outcome.universeRejections.isEmpty
                || !outcome.droppedRequotes.isEmpty
        else { return }
        countDecisions(of: outcome)
    }

    /// The counts of a cycle that did more than miss a signal.
    private mutating func countDecisions(of outcome: CycleOutcome) {
        for rejected in outcome.rejectedCandles { add(nil, rejected.code) }
        for suppression in outcome.suppressions { add(.suppressed, suppression.code) }
        for rejection in outcome.universeRejections {
            add(.universe, rejection.bar.code)
            rejectionsByDay.count("universe." + rejection.bar.code, at: outcome.time)
        }
        for intent in outcome.intents {
            switch intent {
            case .cancel(_, let reason): add(.cancel, reason)
            case .lookup: add(.lookup, "submit_outcome_unknown")
            case .place, .placeBracket: break
            }
        }
        for dropped in outcome.droppedRequotes { add(.requoteDropped, dropped.code) }
        guard let risk = outcome.risk else { return }
        for rejection in risk.rejected {
            add(.rejected, rejection.code.rawValue)
            rejectionsByDay.count("rejected." + rejection.code.rawValue, at: outcome.time)
        }
        for trade in risk.approved {
            add(.approved, trade.proposal.side == .buy ? "buy" : "sell")
            for adjustment in trade.adjustments { add(.cut, adjustment.code.rawValue) }
        }
        if let reason = outcome.noTradeReason, reason == .noValidOrder { add(.noOrder, reason.rawValue) }
    }

    private mutating func add(_ stage: Stage?, _ code: String) {
        if let index = tallies.firstIndex(where: { $0.stage == stage && $0.code == code }) {
            tallies[index].count += 1
        } else {
            tallies.append((stage, code, 1))
        }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.cyclesWithoutSignal == rhs.cyclesWithoutSignal && lhs.counts == rhs.counts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(cyclesWithoutSignal)
        hasher.combine(counts)
    }
}
