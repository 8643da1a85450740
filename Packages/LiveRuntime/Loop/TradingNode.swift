import Logging
import TradingEngine
import TraderCore

/// The one owner of a live node's trading state: the engine, and a summary of what its cycles did.
public actor TradingNode {
    /// What the node has done since it started.
    public struct Summary: Hashable, Sendable {
        /// Cycles run.
        public var cycles = 0
        /// Cycles that failed closed (the venue could not be read; nothing was decided).
        public var failedCycles = 0
        /// Cycles that ran past the next one's slot (the slots they covered were skipped).
        public var overruns = 0
        /// Orders sent.
        public var ordersSent = 0
        /// Orders refused, by the venue's reason.
        public var refusals: [String: Int] = [:]
        /// Proposals refused (by the universe or risk) and risk's halts, by reason code.
        public var rejections: [String: Int] = [:]
        /// Fills booked.
        public var fillsBooked = 0
        /// Orders whose end the node booked, by final status (`filled`, `cancelled`, `expired`,
        /// `rejected`).
        public var ordersEnded: [String: Int] = [:]
        /// The last cycle's report.
        public var lastCycle: LiveCycleReport?
        /// How long the last cycle took.
        public var lastCycleDuration: Duration?
        /// Whether the last cycle attempted failed closed.
        public var lastCycleFailed = false
        /// Positions held after the last cycle.
        public var openPositions = 0
        /// Orders working or in flight after the last cycle.
        public var pendingOrders = 0
        /// Cycles that reconciled with the venue (start-up's and shutdown's reconciliations apart).
        public var reconciliations = 0
        /// Differences those cycles found and adopted from the venue.
        public var differencesAdopted = 0
        /// Shadow mode's intended versus actual orders, when it runs.
        public var shadow: ShadowRun.Tally?

        /// Of the orders whose end was booked, the share that ended filled; `nil` before any ended.
        public var fillRatio: Double? {
            let ended = ordersEnded.values.reduce(0, +)
            return ended == 0 ? nil : Double(ordersEnded["filled", default: 0]) / Double(ended)
        }

        /// Counts orders that ended.
        mutating func countEnded(_ ended: [String: Int]) {
            ordersEnded.merge(ended, uniquingKeysWith: +)
        }
    }

    /// The engine.
    public private(set) var engine: TradingEngine
    /// What the node has done.
    public private(set) var summary = Summary()
    let cycle: LiveCycle
    /// Where each cycle is recorded for `/metrics`.
    public nonisolated let metrics: NodeMetrics

    private var shadow: ShadowRun?

    /// A node trading `engine` through `cycle`, recording into `metrics`; with `shadow`, the
    /// decisions DRY_RUN would take are computed beside each cycle's and matched with its orders.
    public init(engine: TradingEngine, cycle: LiveCycle, metrics: NodeMetrics = NodeMetrics(), shadow: Bool = false) {
        self.engine = engine
        self.cycle = cycle
        self.metrics = metrics
        if shadow {
            self.shadow = ShadowRun(startingFrom: engine)
            summary.shadow = ShadowRun.Tally()
        }
    }

    /// Runs one cycle at `time`; with `reconcilingFillsSince`, one that reconciles with the venue
    /// (``LiveCycle/decide(_:at:reconcilingFillsSince:)``).
    ///
    /// - Throws: what ``LiveCycle/decide(_:at:reconcilingFillsSince:)`` and
    ///   ``LiveCycle/send(_:engine:)`` throw; the engine is then as the cycle left it (a failure
    ///   before the commit leaves it unchanged).
    @discardableResult
    public func runCycle(at time: Timestamp, reconcilingFillsSince: Timestamp? = nil) async throws -> LiveCycleReport {
        var working = engine
        defer { engine = working }
        let started = ContinuousClock.now
        do {
            let committed = try await cycle.decide(&working, at: time, reconcilingFillsSince: reconcilingFillsSince)
            let report = try await cycle.send(committed, engine: &working)
            if var shadow {
                shadow.step(committed.snapshot, sent: report.sent.compactMap { working.orders[$0] }, fills: report.fillsBooked)
                summary.shadow = shadow.tally
                self.shadow = shadow
            }
            let duration = ContinuousClock.now - started
            summary.cycles += 1
            summary.ordersSent += report.sent.count
            summary.fillsBooked += report.fillsBooked
            summary.countEnded(report.ordersEnded)
            if let reconciliation = report.reconciliation {
                summary.reconciliations += 1
                summary.differencesAdopted += reconciliation.differences.count
                metrics.recordReconciliation(differences: reconciliation.differences.map(\.kind.rawValue))
            }
            for refusal in report.refused { summary.refusals[refusal.reason, default: 0] += 1 }
            summary.rejections.merge(report.rejections, uniquingKeysWith: +)
            summary.lastCycle = report
            summary.lastCycleDuration = duration
            summary.lastCycleFailed = false
            summary.openPositions = working.portfolio.openPositionCount
            summary.pendingOrders = working.portfolio.workingOrders.count
            metrics.record(report, duration: duration, openPositions: summary.openPositions, pendingOrders: summary.pendingOrders)
            metrics.recordOrdersEnded(report.ordersEnded, fillRatio: summary.fillRatio)
            metrics.recordHoldings(exposures: Self.exposures(of: working), nav: ((try? working.portfolio.nav(marks: working.latestMarks)) ?? working.portfolio.cash).doubleValue)
            return report
        } catch {
            summary.failedCycles += 1
            summary.lastCycleFailed = true
            metrics.recordFailedCycle()
            throw error
        }
    }

    /// The post-trade follow-up of the last cycle (``LiveCycle/followUp(_:at:)``): fills and order
    /// ends booked now rather than at the next cycle.
    ///
    /// - Throws: what the follow-up throws; the engine is then unchanged.
    public func followUp(at time: Timestamp) async throws {
        var working = engine
        let booked = try await cycle.followUp(&working, at: time)
        engine = working
        summary.fillsBooked += booked.fills
        summary.countEnded(booked.ordersEnded)
        metrics.recordOrdersEnded(booked.ordersEnded, fillRatio: summary.fillRatio)
        summary.pendingOrders = working.portfolio.workingOrders.count
        summary.openPositions = working.portfolio.openPositionCount
    }

    /// Each held asset's positions marked to the engine's latest prices, its options at their
    /// premium marks (every asset held before included, at zero once flat, so that a gauge never
    /// keeps a stale value).
    static func exposures(of engine: TradingEngine) -> [String: Double] {
        var exposures: [String: Double] = [:]
        for (symbol, position) in engine.portfolio.positions {
            let value = engine.latestMarks[symbol].flatMap { try? $0.notional(of: position.quantity, rounding: .toNearestOrEven) } ?? .zero
            exposures[symbol.base, default: 0] += value.doubleValue
        }
        for (contract, position) in engine.portfolio.optionPositions {
            let value = engine.portfolio.optionMarks[contract].flatMap { try? position.marketValue(at: $0) } ?? .zero
            exposures[contract.underlying.base, default: 0] += value.doubleValue
        }
        return exposures
    }

    /// Counts a cycle that ran past the next slot.
    func recordOverrun() {
        summary.overruns += 1
        metrics.recordOverrun()
    }

    /// Asks the venue to cancel every order the engine has working (a shutdown's last act) but the
    /// exits of native brackets, which keep protecting their positions while the node is down;
    /// returns those the venue took the cancel of. The next start reconciles what became of them.
    public func cancelWorkingOrders() async -> [ClientOrderID] {
        var cancelled: [ClientOrderID] = []
        let protective = engine.venueHeldExits
        for id in engine.portfolio.workingOrders.keys.sorted() where !protective.contains(id) {
            guard let order = engine.orders[id] else { continue }
            do {
                try await cycle.venue.orders.cancel(OrderReference(order))
                cancelled.append(id)
            } catch {
                cycle.logger.warning("shutdown: cancel not done", metadata: ["client_order_id": "\(id)", "error": "\(error)"])
            }
        }
        return cancelled
    }
}
