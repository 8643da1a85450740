import Prometheus
import TraderCore

/// A live node's metrics in Prometheus's text format, in a registry of their own (nothing global is
/// bootstrapped: a library never does): cycles run, failed closed and overrun, the reasons cycles
/// placed nothing, proposals refused by reason code, orders sent and refused by reason, fills, open
/// positions, exposure by asset, net asset value, pending orders, the last cycle's time, each cycle's and each decision's duration, and
/// each venue call's latency and failures by error code.
public final class NodeMetrics: Sendable {
    /// The registry the metrics live in.
    public let registry = PrometheusCollectorRegistry()
    private let cycles: Counter
    private let failedCycles: Counter
    private let overruns: Counter
    private let ordersSent: Counter
    private let fills: Counter
    private let reconciliations: Counter
    private let fillRatio: Gauge
    private let openPositions: Gauge
    private let pendingOrders: Gauge
    private let lastCycle: Gauge
    private let nav: Gauge
    private let cycleDuration: DurationHistogram
    private let decisionDuration: DurationHistogram

    /// The buckets of the venue calls' latency histograms.
    static let venueCallBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1), .seconds(5),
    ]

    /// Metrics starting from zero.
    public init() {
        cycles = registry.makeCounter(name: "trader_cycles_total", help: "Trading cycles run.")
        failedCycles = registry.makeCounter(
            name: "trader_failed_cycles_total", help: "Cycles that failed closed: the venue could not be read, nothing was decided.")
        overruns = registry.makeCounter(name: "trader_cycle_overruns_total", help: "Cycles that ran past the next one's slot.")
        ordersSent = registry.makeCounter(name: "trader_orders_sent_total", help: "Orders sent to the venue.")
        fills = registry.makeCounter(name: "trader_fills_total", help: "Fills booked.")
        fillRatio = registry.makeGauge(
            name: "trader_fill_ratio", help: "Of the orders whose end was booked since the start, the share that ended filled.")
        reconciliations = registry.makeCounter(
            name: "trader_reconciliations_total", help: "Reconciliations with the venue while running (start-up and shutdown apart).")
        openPositions = registry.makeGauge(name: "trader_open_positions", help: "Positions held.")
        pendingOrders = registry.makeGauge(name: "trader_pending_orders", help: "Orders working at the venue or in flight.")
        lastCycle = registry.makeGauge(name: "trader_last_cycle_timestamp_seconds", help: "When the last cycle ran, in Unix seconds.")
        nav = registry.makeGauge(name: "trader_nav", help: "Net asset value at the latest marks, in the quote currency.")
        cycleDuration = registry.makeDurationHistogram(
            name: "trader_cycle_duration_seconds",
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(500), .seconds(2), .seconds(10)],
            help: "How long a cycle took, venue calls included.")
        decisionDuration = registry.makeDurationHistogram(
            name: "trader_decision_duration_seconds",
            buckets: [.microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(25)],
            help: "How long the engine took to decide a cycle (its step), venue calls and the store excluded.")
    }

    /// Records a cycle that ran for `duration`, leaving `openPositions` held and `pendingOrders` working.
    public func record(_ report: LiveCycleReport, duration: Duration, openPositions: Int, pendingOrders: Int) {
        cycles.increment()
        ordersSent.increment(by: Int64(report.sent.count))
        fills.increment(by: Int64(report.fillsBooked))
        for refusal in report.refused {
            registry.makeCounter(name: "trader_order_refusals_total", labels: [("reason", refusal.reason)], help: "Orders the venue refused, by reason.")
                .increment()
        }
        for (code, count) in report.rejections {
            registry.makeCounter(
                name: "trader_proposals_rejected_total", labels: [("reason", code)], help: "Proposals refused by the universe or risk, and risk's halts, by reason code."
            ).increment(by: Int64(count))
        }
        decisionDuration.record(report.decisionDuration)
        if let reason = report.noTradeReason {
            registry.makeCounter(name: "trader_no_trade_total", labels: [("reason", reason)], help: "Cycles that placed nothing, by reason.")
                .increment()
        }
        self.openPositions.set(to: Double(openPositions))
        self.pendingOrders.set(to: Double(pendingOrders))
        lastCycle.set(to: Double(report.time.nanosecondsSinceEpoch) / 1e9)
        cycleDuration.record(duration)
    }

    /// Records a venue call (`place` is a submission) that took `duration` and failed with `error`, if any.
    public func recordVenueCall(_ call: String, duration: Duration, error: VenueError?) {
        registry.makeDurationHistogram(
            name: "trader_venue_call_duration_seconds", labels: [("call", call)], buckets: Self.venueCallBuckets,
            help: "How long each venue call took, by call (place is a submission)."
        ).record(duration)
        if let error {
            registry.makeCounter(
                name: "trader_venue_errors_total", labels: [("call", call), ("code", error.code.rawValue)], help: "Venue calls that failed, by call and error code."
            ).increment()
        }
    }

    /// Records what the node holds after a cycle: each asset's exposure (its positions marked to
    /// the latest prices) and the net asset value, in the quote currency.
    public func recordHoldings(exposures: [String: Double], nav: Double) {
        for (asset, value) in exposures {
            registry.makeGauge(name: "trader_exposure", labels: [("asset", asset)], help: "Each asset's positions at the latest marks, in the quote currency.")
                .set(to: value)
        }
        self.nav.set(to: nav)
    }

    /// Records orders that ended, by final status, and the node's fill ratio since it started (of
    /// the orders whose end was booked, the share that ended filled).
    public func recordOrdersEnded(_ ended: [String: Int], fillRatio: Double?) {
        for (status, count) in ended {
            registry.makeCounter(name: "trader_orders_ended_total", labels: [("status", status)], help: "Orders whose end was booked, by final status.")
                .increment(by: Int64(count))
        }
        if let fillRatio { self.fillRatio.set(to: fillRatio) }
    }

    /// Records a reconciliation with the venue while running and the differences it adopted, by kind.
    public func recordReconciliation(differences: [String]) {
        reconciliations.increment()
        for kind in differences {
            registry.makeCounter(
                name: "trader_reconcile_differences_total", labels: [("kind", kind)],
                help: "Differences from the venue adopted by reconciliations while running, by kind.").increment()
        }
    }

    /// Records a cycle that failed closed.
    public func recordFailedCycle() { failedCycles.increment() }

    /// Records a cycle that ran past the next slot.
    public func recordOverrun() { overruns.increment() }

    /// Every metric, in Prometheus's text exposition format.
    public func exposition() -> String { registry.emitToString() }
}
