import TraderCore

/// A backtest and a live (or paper) run of the same period side by side: both reports over the
/// window they share, their orders matched trade by trade, and the drift flags
/// (``DriftThresholds``) that say where live departs from the backtest before it costs money.
///
/// Matching: a live order matches a backtest order of the same signal, symbol and side decided at
/// most ``DriftThresholds/matchWindowSeconds`` apart, the nearest in time first, each order at
/// most once. A backtest order without a match is missed, named by the live run's refusal at the
/// live decision nearest to it in that window (see ``RunRefusal/Kind``), or `no_live_decision`.
public struct RunComparison: Sendable {
    /// A backtest order and the live order matched to it.
    public struct Match: Hashable, Sendable, Encodable {
        /// The backtest's order.
        public let backtest: TradedOrder
        /// The live run's order.
        public let live: TradedOrder
    }

    /// A backtest order live did not make, and why.
    public struct Miss: Hashable, Sendable, Encodable {
        /// The backtest's order.
        public let order: TradedOrder
        /// The live refusal's reason code, or `no_live_decision`.
        public let reason: String
    }

    /// One drift check: the measured value against its threshold.
    public struct Flag: Hashable, Sendable {
        /// `return_gap`, `slippage_over_model`, `fee_gap` or `missed_trades`.
        public let name: String
        /// What was measured (`nil` when a run lacks what it needs).
        public let value: Double?
        /// The threshold it is flagged above.
        public let threshold: Double
        /// The unit of both: `pct_points`, `bps` or `trades`.
        public let unit: String

        /// Whether the value is past the threshold.
        public var raised: Bool { value.map { $0 > threshold } ?? false }
    }

    /// The backtest over the shared window.
    public let backtest: TradingReport
    /// The live run over the shared window.
    public let live: TradingReport
    /// The thresholds applied.
    public let thresholds: DriftThresholds
    /// Matched orders, in the backtest's order.
    public let matched: [Match]
    /// Backtest orders live did not make.
    public let missed: [Miss]
    /// Live orders the backtest did not make.
    public let liveOnly: [TradedOrder]
    /// Slippage per traded notional, in basis points, of the backtest's orders (the cost model's).
    public let backtestSlippageBps: Double?
    /// See ``backtestSlippageBps``: the live run's.
    public let liveSlippageBps: Double?
    /// Fees per traded notional, in basis points, of the backtest's orders (the fee schedule's).
    public let backtestFeeBps: Double?
    /// See ``backtestFeeBps``: the live run's.
    public let liveFeeBps: Double?
    /// The checks, in a fixed order.
    public let flags: [Flag]

    /// Whether any flag is raised.
    public var drifted: Bool { flags.contains(where: \.raised) }

    /// Compares `backtest` and `live`, two reports over the same window, with their orders and the
    /// live run's refusals (orders and refusals outside the window are ignored).
    public init(
        backtest: TradingReport, live: TradingReport, backtestOrders: [TradedOrder], liveOrders: [TradedOrder], liveRefusals: [RunRefusal],
        thresholds: DriftThresholds
    ) {
        let window = ReportWindow(from: backtest.from, to: backtest.to)
        let backtestOrders = backtestOrders.filter { window.contains($0.decidedAt) }.sorted { ($0.decidedAt, $0.id) < ($1.decidedAt, $1.id) }
        let liveOrders = liveOrders.filter { window.contains($0.decidedAt) }.sorted { ($0.decidedAt, $0.id) < ($1.decidedAt, $1.id) }
        let reach = Duration.seconds(thresholds.matchWindowSeconds)
        var candidates = OrderMatcher(liveOrders, reach: reach)
        var matched: [Match] = []
        var missed: [Miss] = []
        let refusals = RefusalIndex(liveRefusals.filter { window.contains($0.time) }, reach: reach)
        for order in backtestOrders {
            if let live = candidates.take(nearest: order) {
                matched.append(Match(backtest: order, live: live))
            } else {
                missed.append(Miss(order: order, reason: refusals.reason(near: order.decidedAt, symbol: order.symbol)))
            }
        }
        self.backtest = backtest
        self.live = live
        self.thresholds = thresholds
        self.matched = matched
        self.missed = missed
        liveOnly = candidates.unmatched
        let slippage = (
            backtest: Self.bps(backtestOrders.map(\.slippage), of: backtestOrders.filter { $0.decisionMid != nil }.map(\.notional)),
            live: Self.bps(liveOrders.map(\.slippage), of: liveOrders.filter { $0.decisionMid != nil }.map(\.notional))
        )
        let fees = (backtest: Self.bps(backtestOrders.map(\.fees), of: backtestOrders.map(\.notional)), live: Self.bps(liveOrders.map(\.fees), of: liveOrders.map(\.notional)))
        (backtestSlippageBps, liveSlippageBps, backtestFeeBps, liveFeeBps) = (slippage.backtest, slippage.live, fees.backtest, fees.live)
        let returnGap = backtest.metrics.totalReturn.flatMap { tested in live.metrics.totalReturn.map { (tested - $0) * 100 } }
        flags = [
            Flag(name: "return_gap", value: returnGap, threshold: thresholds.maxReturnGapPct, unit: "pct_points"),
            Flag(
                name: "slippage_over_model", value: slippage.live.flatMap { live in slippage.backtest.map { live - $0 } },
                threshold: thresholds.maxSlippageOverModelBps, unit: "bps"),
            Flag(
                name: "fee_gap", value: fees.live.flatMap { live in fees.backtest.map { abs(live - $0) } }, threshold: thresholds.maxFeeGapBps,
                unit: "bps"),
            Flag(name: "missed_trades", value: Double(missed.count), threshold: Double(thresholds.maxMissedTrades), unit: "trades"),
        ]
    }

    /// `Σ amounts / Σ notionals × 10⁴`; `nil` without notional.
    private static func bps(_ amounts: [FixedPoint], of notionals: [FixedPoint]) -> Double? {
        let notional = notionals.reduce(0.0) { $0 + $1.doubleValue }
        guard notional > 0 else { return nil }
        return amounts.reduce(0.0) { $0 + $1.doubleValue } / notional * 10_000
    }
}

/// The live orders not yet matched, by signal, symbol and side, each list in time order.
private struct OrderMatcher {
    private struct Key: Hashable {
        let signal: String
        let symbol: Symbol
        let side: OrderSide
    }

    private var orders: [Key: [TradedOrder?]] = [:]
    /// Per key, the first order that can still match (those before it are too old for any
    /// backtest order to come, which come in time order).
    private var starts: [Key: Int] = [:]
    private let all: [TradedOrder]
    private let reach: Duration

    init(_ orders: [TradedOrder], reach: Duration) {
        for order in orders { self.orders[Key(signal: order.signal, symbol: order.symbol, side: order.side), default: []].append(order) }
        all = orders
        self.reach = reach
    }

    /// Takes the unmatched order of `order`'s key nearest to it in time within the reach (the
    /// earlier of two as near), if any.
    mutating func take(nearest order: TradedOrder) -> TradedOrder? {
        let key = Key(signal: order.signal, symbol: order.symbol, side: order.side)
        guard let list = orders[key] else { return nil }
        var index = starts[key] ?? 0
        while index < list.count, list[index].map({ $0.decidedAt.advanced(by: reach) < order.decidedAt }) ?? true { index += 1 }
        starts[key] = index
        var best: (index: Int, gap: Duration)?
        while index < list.count {
            defer { index += 1 }
            guard let candidate = list[index] else { continue }
            if candidate.decidedAt > order.decidedAt.advanced(by: reach) { break }
            let gap = candidate.decidedAt < order.decidedAt ? candidate.decidedAt.duration(to: order.decidedAt) : order.decidedAt.duration(to: candidate.decidedAt)
            if best.map({ gap < $0.gap }) ?? true { best = (index, gap) }
        }
        guard let best else { return nil }
        orders[key]![best.index] = nil
        return list[best.index]
    }

    /// The orders never taken, in time order.
    var unmatched: [TradedOrder] {
        let left = Set(orders.values.flatMap { $0.compactMap(\.?.id) })
        return all.filter { left.contains($0.id) }
    }
}

/// The live run's refusals in time order, to name why a trade was missed.
private struct RefusalIndex {
    private let refusals: [RunRefusal]
    private let reach: Duration

    init(_ refusals: [RunRefusal], reach: Duration) {
        self.refusals = refusals.sorted { $0.time < $1.time }
        self.reach = reach
    }

    /// Why live did not trade `symbol` near `time`: at the live decision nearest to `time` within
    /// the reach that refused `symbol` or every symbol (the earlier of two as near), the refusal
    /// first in ``RunRefusal/Kind`` order; `no_live_decision` when there is none.
    func reason(near time: Timestamp, symbol: Symbol) -> String {
        // The first refusal at or after the earliest instant in reach, then the nearest from there.
        let earliest = time.advanced(by: .zero - reach)
        var low = 0
        var high = refusals.count
        while low < high {
            let middle = (low + high) / 2
            if refusals[middle].time < earliest { low = middle + 1 } else { high = middle }
        }
        var best: (refusal: RunRefusal, gap: Duration)?
        var index = low
        while index < refusals.count, refusals[index].time <= time.advanced(by: reach) {
            defer { index += 1 }
            let candidate = refusals[index]
            guard candidate.symbol == nil || candidate.symbol == symbol else { continue }
            let gap = candidate.time < time ? candidate.time.duration(to: time) : time.duration(to: candidate.time)
            if let found = best {
                let nearer = gap < found.gap
                let firstOfSameDecision = candidate.time == found.refusal.time && candidate.kind < found.refusal.kind
                guard nearer || firstOfSameDecision else { continue }
            }
            best = (candidate, gap)
        }
        return best?.refusal.code ?? "no_live_decision"
    }
}
