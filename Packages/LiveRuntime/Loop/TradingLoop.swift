import Logging
import ServiceLifecycle
import TraderCore

/// A live node's trading loop, a Service: a cycle just after each bar closes (``CycleSchedule``),
/// never two at once. A cycle that runs past the next slot is counted and the slots it covered
/// are skipped, never run late in a burst. A cycle that cannot read the venue fails closed (it
/// decides nothing) and the loop goes on to the next slot. On the configured schedule a cycle also
/// reconciles the engine with the venue's balances, positions and open orders before deciding. On
/// graceful shutdown the loop stops taking new risk, and by policy asks the venue to cancel the
/// engine's working orders; task cancellation (a second signal) ends it at once.
public struct TradingLoop: Service {
    /// How the loop runs.
    public struct Configuration: Sendable {
        /// The bar's length: one cycle a bar.
        public var interval: Duration
        /// The most a cycle is delayed past its bar's close, in % of the bar.
        public var jitterPct: Double
        /// The jitter's seed.
        public var seed: UInt64
        /// Stop after this many cycles (a bounded paper session); `nil` runs until shutdown.
        public var maxCycles: Int?
        /// Cancel the engine's working orders at a graceful shutdown.
        public var cancelWorkingOrdersOnShutdown: Bool
        /// How long after a cycle that sent orders their fills and status are polled and booked
        /// (`post_trade_reconcile_wait_seconds`); `nil`: at the next cycle only.
        public var postTradeWait: Duration?
        /// The least time between two cycles that reconcile with the venue
        /// (`reconcile.interval_seconds`; zero: every cycle); `nil`: none while running.
        public var reconcileInterval: Duration?

        /// Creates a configuration.
        public init(
            interval: Duration, jitterPct: Double, seed: UInt64, maxCycles: Int? = nil, cancelWorkingOrdersOnShutdown: Bool,
            postTradeWait: Duration? = nil, reconcileInterval: Duration? = nil
        ) {
            self.postTradeWait = postTradeWait
            self.reconcileInterval = reconcileInterval
            self.interval = interval
            self.jitterPct = jitterPct
            self.seed = seed
            self.maxCycles = maxCycles
            self.cancelWorkingOrdersOnShutdown = cancelWorkingOrdersOnShutdown
        }
    }

    let configuration: Configuration
    let node: TradingNode
    let clock: any TradingClock
    let alerts: AlertDispatcher?
    let gaps: VenueGaps?
    let logger: Logger

    /// A loop running `node`'s cycles on `clock`, telling `alerts` of failed cycles, overruns and
    /// an engaged kill switch; a gap the venue reported (`gaps`) makes the next cycle reconcile.
    public init(
        configuration: Configuration, node: TradingNode, clock: any TradingClock, alerts: AlertDispatcher? = nil, gaps: VenueGaps? = nil,
        logger: Logger = Logger(label: "trader.live", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.node = node
        self.clock = clock
        self.alerts = alerts
        self.gaps = gaps
        self.logger = logger
    }

    /// Books the sent orders' fills and status `wait` after the cycle; a venue that cannot be read
    /// now is read at the next cycle.
    private func followUp(after wait: Duration) async throws {
        do {
            try await cancelWhenGracefulShutdown { try await clock.sleep(until: clock.now().advanced(by: wait)) }
        } catch {
            return
        }
        do {
            try await node.followUp(at: clock.now())
        } catch let error as VenueError {
            logger.warning("post-trade follow-up not done; the next cycle books it", metadata: ["error": "\(error)"])
        }
    }

    /// Runs cycles until `maxCycles`, a graceful shutdown or cancellation.
    ///
    /// - Throws: what a cycle throws other than a ``VenueError`` (a store that cannot commit:
    ///   the node must stop).
    public func run() async throws {
        var schedule = CycleSchedule(interval: configuration.interval, jitterPct: configuration.jitterPct, seed: configuration.seed)
        var ran = 0
        var after = clock.now()
        // The node reconciled at start-up.
        var reconciled = after
        while configuration.maxCycles.map({ ran < $0 }) ?? true {
            let (boundary, start) = schedule.next(after: after)
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(until: start) }
            } catch {
                break
            }
            guard !Task.isShuttingDownGracefully else { break }
            // On the reconcile schedule (by the cycles' slots, so that an interval of one bar
            // reconciles every cycle however long each took), with fills since a bar before the last;
            // and after a gap the venue reported, with fills since the gap too.
            let gap = gaps?.take()
            let scheduled = configuration.reconcileInterval.map { boundary >= reconciled.advanced(by: $0) } ?? false
            let reconciling = scheduled || gap != nil
            var fillsSince = reconciled.advanced(by: .zero - configuration.interval)
            if let gap {
                fillsSince = min(fillsSince, gap.since)
                logger.warning("the venue reported a gap: this cycle reconciles", metadata: ["since": "\(gap.since)", "reason": "\(gap.reason)"])
            }
            do {
                let report = try await node.runCycle(at: clock.now(), reconcilingFillsSince: reconciling ? fillsSince : nil)
                if reconciling { reconciled = boundary }
                if let reconciliation = report.reconciliation, !reconciliation.isInSync {
                    logger.warning("a cycle adopted the venue's truth", metadata: ["differences": "\(reconciliation.differences.count)"])
                    await alerts?.send(.reconcileMismatch(reconciliation, when: "a cycle's reconciliation", at: clock.now()))
                }
                let raised = Alert.raised(
                    byRejections: report.rejections, venueRefusals: report.refused.count, killSwitchEngaged: report.killSwitchEngaged,
                    at: clock.now())
                for alert in raised { await alerts?.send(alert) }
                if let wait = configuration.postTradeWait, !report.sent.isEmpty {
                    try await followUp(after: wait)
                }
            } catch let error as VenueError {
                logger.error("cycle failed closed: the venue could not be read; nothing decided", metadata: ["error": "\(error)"])
                await alerts?.send(
                    Alert(.apiFailureBurst, .error, "a cycle failed closed: the venue could not be read (\(error.code.rawValue))", at: clock.now()))
            }
            ran += 1
            let finished = clock.now()
            let nextBoundary = schedule.boundary(after: boundary)
            if finished >= nextBoundary {
                await node.recordOverrun()
                await alerts?.send(Alert(.cycleOverrun, .warning, "a cycle ran past the next one's slot; that slot was skipped", at: finished))
                logger.warning("cycle overran its slot; the slots it covered are skipped", metadata: ["bar": "\(boundary)", "finished": "\(finished)"])
            }
            after = max(finished, boundary)
        }
        if configuration.cancelWorkingOrdersOnShutdown && !Task.isCancelled {
            let cancelled = await node.cancelWorkingOrders()
            logger.info("shutdown: cancels sent", metadata: ["orders": "\(cancelled.count)"])
        }
    }
}
