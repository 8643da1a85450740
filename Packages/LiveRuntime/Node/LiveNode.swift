import Foundation
import Logging
import Persistence
import ServiceLifecycle
import TradingEngine
import TraderConfig
import TraderCore

/// A whole live node, from start to stop: takes the state file's single-instance lock, opens the
/// store, starts a run (its epoch goes into every client order id), restores the saved engine (or
/// makes one), warms its signals on the venue's candles, reconciles it with the venue (retrying,
/// with no cycle run, while the venue cannot be read), then runs the trading loop and the health
/// and metrics endpoints as Services in one ServiceGroup until the cycles are done or a signal
/// stops it. SIGTERM or SIGINT stops it gracefully (no new cycle; working orders cancelled by
/// policy; endpoints last), within `shutdown.timeout_seconds`, past which its tasks are cancelled;
/// what the venue then did with the orders is booked before the store is closed. Every commit is one transaction,
/// so a stop at any instant leaves a store the next start reconciles.
public struct LiveNode: Sendable {
    /// How the node runs, beyond its configuration files.
    public struct Options: Sendable {
        /// Stop after this many cycles (a bounded paper session); `nil` runs until a signal.
        public var maxCycles: Int?
        /// Bars of each symbol fed to the signals before the first cycle.
        public var warmUpBars: Int
        /// The schedule's jitter seed.
        public var seed: UInt64
        /// How long (real time) to wait before asking an unreadable venue again at start-up.
        public var retryDelay: Duration
        /// The process environment (the kill switch's flag).
        public var environment: [String: String]
        /// The schedule's jitter in % of the interval, replacing `schedule.jitter_pct` (a replay
        /// of bars runs each cycle at its bar's close: it has no price between closes).
        public var jitterPct: Double?
        /// Told each endpoint's bound port, `health` or `metrics`, once it listens.
        public var onListening: @Sendable (_ endpoint: String, _ port: Int) async -> Void
        /// Given the state store once it is open and locked, before anything else uses it (a venue
        /// adapter that reserves its order ids there).
        public var onStoreOpened: @Sendable (StateStore) async -> Void
        /// Watch the venue's event stream for gaps (``VenueGaps``), each making the next cycle
        /// reconcile: for a venue that pushes its events (IB). A polled stream (Coinbase's REST
        /// poller) would only spend requests: its cycles' lookups already settle everything.
        public var watchesVenueGaps: Bool

        /// Creates options.
        public init(
            maxCycles: Int? = nil, warmUpBars: Int = 100, seed: UInt64 = 1, retryDelay: Duration = .seconds(5),
            environment: [String: String] = [:], jitterPct: Double? = nil, onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in },
            onStoreOpened: @escaping @Sendable (StateStore) async -> Void = { _ in }, watchesVenueGaps: Bool = false
        ) {
            self.maxCycles = maxCycles
            self.warmUpBars = warmUpBars
            self.seed = seed
            self.retryDelay = retryDelay
            self.environment = environment
            self.jitterPct = jitterPct
            self.onListening = onListening
            self.onStoreOpened = onStoreOpened
            self.watchesVenueGaps = watchesVenueGaps
        }
    }

    /// What a run of the node did.
    public struct Outcome: Sendable {
        /// The run's epoch.
        public let runEpoch: Int64
        /// What start-up reconciliation found (and adopted).
        public let reconciliation: ReconciliationReport
        /// The cycles' summary.
        public let summary: TradingNode.Summary
        /// Net asset value after reconciliation and at the stop, in the quote currency.
        public let startNAV: FixedPoint
        /// See ``startNAV``.
        public let endNAV: FixedPoint
    }

    let configuration: TraderConfiguration
    let configHash: String
    let baseDirectory: String
    let venue: VenueConnection
    let metrics = NodeMetrics()
    let clock: any TradingClock
    let options: Options
    let alerts: AlertDispatcher?
    let logger: Logger

    /// A node trading `configuration` (hashed `configHash`, read from `baseDirectory`) on `venue`,
    /// on `clock`, alerting `alerts`, logging to `logger`.
    public init(
        configuration: TraderConfiguration, configHash: String, baseDirectory: String, venue: VenueConnection, clock: any TradingClock,
        options: Options, alerts: AlertDispatcher?, logger: Logger
    ) {
        self.configuration = configuration
        self.configHash = configHash
        self.baseDirectory = baseDirectory
        self.venue = TimedVenue.connection(venue, metrics: metrics)
        self.clock = clock
        self.options = options
        self.alerts = alerts
        self.logger = logger
    }

    /// The universe's symbols (its tiers', in order) that the venue lists: those the node trades.
    func listedSymbols() async throws -> [Symbol] {
        let universe = configuration.universe.tiers.flatMap(\.symbols)
        let (listed, missing) = try await retrying("the product list") { () throws(VenueError) in try await venue.listed(universe) }
        if !missing.isEmpty {
            logger.warning("symbols the venue does not list are not traded", metadata: ["symbols": "\(missing.map(\.description).joined(separator: ","))"])
        }
        return listed
    }

    /// Runs the node until its cycles are done or it is stopped.
    ///
    /// - Throws: ``StoreError`` `locked` when another process holds the state file (alerted as a
    ///   lock conflict); ``StoreError``; ``VenueError`` when the products cannot be read;
    ///   `CancellationError` when stopped during start-up; what the engine throws for a state it
    ///   cannot restore.
    public func run() async throws -> Outcome {
        let app = configuration.app
        let statePath = app.state.path
        try FileManager.default.createDirectory(
            atPath: (statePath as NSString).deletingLastPathComponent.isEmpty ? "." : (statePath as NSString).deletingLastPathComponent,
            withIntermediateDirectories: true)
        // The store holds the state file's single-instance lock until it is released.
        let store: StateStore
        do {
            store = try StateStore(path: statePath, logger: logger)
        } catch {
            if error.code == .locked { await alerts?.send(Alert(.lockConflict, .critical, error.message, at: clock.now())) }
            throw error
        }
        await options.onStoreOpened(store)
        do {
            let runEpoch = try await store.beginRun(at: clock.now())
            logger.info("run started", metadata: ["run_epoch": "\(runEpoch)", "config_hash": "\(configHash)", "mode": "\(app.mode.rawValue)"])
            let symbols = try await listedSymbols()
            guard !symbols.isEmpty else {
                await alerts?.send(Alert(.emptyUniverse, .critical, "the venue lists none of the universe's symbols", at: clock.now()))
                throw LiveNodeError("the venue lists none of the universe's symbols; nothing to trade")
            }
            var engine = try await startEngine(symbols: symbols, store: store, runEpoch: runEpoch)
            let reconciliation = try await reconcile(
                &engine.engine, store: store, fillsSince: engine.savedAt, runEpoch: runEpoch, restored: engine.restored)
            let startNAV = nav(engine.engine)
            let node = TradingNode(
                engine: engine.engine, cycle: cycle(symbols: symbols, store: store), metrics: metrics,
                shadow: app.shadow == true && app.mode != .dryRun)
            try await serve(node)
            var final = await node.engine
            await settle(&final, store: store, runEpoch: runEpoch)
            return Outcome(
                runEpoch: runEpoch, reconciliation: reconciliation, summary: await node.summary, startNAV: startNAV, endNAV: nav(final))
        }
    }

    /// The engine the store saved, or a new one trading the venue's products; and when it was saved.
    private func startEngine(
        symbols: [Symbol], store: StateStore, runEpoch: Int64
    ) async throws -> (engine: TradingEngine, savedAt: Timestamp, restored: Bool) {
        let products = try await retrying("product rules") { () throws(VenueError) in try await venue.rules(of: symbols) }
        let engineConfiguration = configuration.engineConfiguration(products: products, on: venue)
        let startup = LiveStartup(venue: venue, store: store, logger: logger)
        let now = clock.now()
        var engine: TradingEngine
        var savedAt = now.advanced(by: .zero - interval)
        var wasRestored = false
        if let saved = try await startup.savedEngine(configuration: engineConfiguration, runEpoch: runEpoch) {
            engine = saved.engine
            wasRestored = true
            savedAt = saved.savedAt.advanced(by: .zero - interval)
            logger.info("engine restored", metadata: ["cycle": "\(saved.engine.cycle)", "saved_at": "\(saved.savedAt)"])
        } else {
            let currency = symbols.first.map { Currency(code: $0.quote) } ?? .usd
            engine = try TradingEngine(configuration: engineConfiguration, portfolio: Portfolio(currency: currency, cash: .zero), runEpoch: runEpoch)
            logger.info("new engine: the store held none")
        }
        let bars = options.warmUpBars
        try await retrying("warm-up candles") { () throws(VenueError) in
            var warming = engine
            try await startup.warmUp(&warming, symbols: symbols, interval: interval, bars: bars, until: now)
            engine = warming
        }
        return (engine, savedAt, wasRestored)
    }

    /// Start-up reconciliation, retried while the venue cannot be read: no cycle runs before the
    /// engine agrees with the venue. Differences found for a `restored` engine are alerted (a new
    /// one always differs: it learns its balances so).
    private func reconcile(
        _ engine: inout TradingEngine, store: StateStore, fillsSince: Timestamp, runEpoch: Int64, restored: Bool
    ) async throws -> ReconciliationReport {
        let startup = LiveStartup(venue: venue, store: store, logger: logger)
        while true {
            do {
                let report = try await startup.reconcile(
                    &engine, fillsSince: fillsSince, at: clock.now(), auditID: "startup-\(runEpoch)", mode: configuration.app.mode, configHash: configHash)
                if !report.isInSync && restored {
                    logger.warning("start-up reconciliation adopted the venue's truth", metadata: ["differences": "\(report.differences.count)"])
                    await alerts?.send(.reconcileMismatch(report, when: "start-up", at: clock.now()))
                }
                return report
            } catch let error as VenueError where error.code == .unauthorized {
                await alerts?.send(Alert(.apiFailureBurst, .critical, "the venue refused the credentials at start-up reconciliation", at: clock.now()))
                throw LiveNodeError("the venue refused the credentials at start-up reconciliation: \(error)")
            } catch let error as VenueError {
                logger.error("start-up reconciliation: the venue could not be read; no trading until it can", metadata: ["error": "\(error)"])
                await alerts?.send(
                    Alert(.apiFailureBurst, .error, "start-up reconciliation could not read the venue (\(error.code.rawValue)); retrying", at: clock.now()))
                try await Task.sleep(for: options.retryDelay)
            }
        }
    }

    /// The stop's last act: books what the venue did with the working orders since the last cycle
    /// (the cancels just sent, fills in between) and saves the engine so, leaving the store in step
    /// with the venue. One try: a venue that cannot be read now is reconciled at the next start.
    private func settle(_ engine: inout TradingEngine, store: StateStore, runEpoch: Int64) async {
        guard !Task.isCancelled, !engine.orders.isEmpty || !engine.portfolio.workingOrders.isEmpty else { return }
        let startup = LiveStartup(venue: venue, store: store, logger: logger)
        do {
            let report = try await startup.reconcile(
                &engine, fillsSince: clock.now().advanced(by: .zero - interval * 2), at: clock.now(), auditID: "shutdown-\(runEpoch)",
                mode: configuration.app.mode, configHash: configHash)
            logger.info("shutdown: the venue's truth booked", metadata: ["differences": "\(report.differences.count)"])
        } catch {
            logger.warning("shutdown: the venue's truth not booked; the next start reconciles it", metadata: ["error": "\(error)"])
        }
    }

    /// `read`, retried every ``Options/retryDelay`` of real time (whatever the trading clock's
    /// speed) while the venue cannot be read; a venue that refuses the credentials stops the start.
    private func retrying<T>(_ what: String, _ read: () async throws(VenueError) -> T) async throws -> T {
        while true {
            do throws(VenueError) {
                return try await read()
            } catch where error.code == .unauthorized {
                await alerts?.send(Alert(.apiFailureBurst, .critical, "the venue refused the credentials reading \(what)", at: clock.now()))
                throw LiveNodeError("the venue refused the credentials reading \(what): \(error)")
            } catch {
                logger.error("start-up: \(what) could not be read; retrying", metadata: ["error": "\(error)"])
                await alerts?.send(Alert(.apiFailureBurst, .error, "start-up could not read \(what) (\(error.code.rawValue)); retrying", at: clock.now()))
                try await Task.sleep(for: options.retryDelay)
            }
        }
    }

    private func cycle(symbols: [Symbol], store: StateStore) -> LiveCycle {
        let killSwitch = configuration.policy.killSwitch(baseDirectory: baseDirectory)
        let environment = options.environment
        return LiveCycle(
            configuration: .init(
                symbols: symbols, barInterval: interval, mode: configuration.app.mode, configHash: configHash,
                killSwitchEngaged: { killSwitch.isEngaged(environment: environment) }),
            venue: venue, store: store, logger: logger)
    }

    /// Runs the loop and the endpoints in one ServiceGroup until the loop ends or a signal stops it.
    private func serve(_ node: TradingNode) async throws {
        let app = configuration.app
        let gaps = options.watchesVenueGaps ? VenueGaps(watching: venue.orders.events()) : nil
        let loop = TradingLoop(
            configuration: .init(
                interval: interval, jitterPct: options.jitterPct ?? app.schedule.jitterPct, seed: options.seed, maxCycles: options.maxCycles,
                cancelWorkingOrdersOnShutdown: app.effectiveShutdown.cancelOpenOrders && app.mode != .dryRun,
                postTradeWait: postTradeWait, reconcileInterval: .seconds(app.effectiveReconcile.intervalSeconds)),
            node: node, clock: clock, alerts: alerts, gaps: gaps, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = gaps.map { [.init(service: $0)] } ?? []
        var endpoints = [("health", app.health)]
        if app.metrics != app.health { endpoints.append(("metrics", app.metrics)) }
        for (name, endpoint) in endpoints {
            let onListening = options.onListening
            services.append(
                .init(
                    service: ObservabilityServer(
                        node: node, mode: app.mode, clock: clock, maxStaleness: interval * 3, host: endpoint.bindAddress, port: endpoint.port,
                        onRunning: { port in await onListening(name, port) })))
        }
        services.append(.init(service: loop, successTerminationBehavior: .gracefullyShutdownGroup))
        var group = ServiceGroupConfiguration(services: services, logger: logger)
        group.gracefulShutdownSignals = [.sigterm, .sigint]
        group.maximumGracefulShutdownDuration = .seconds(app.effectiveShutdown.timeoutSeconds)
        do {
            try await ServiceGroup(configuration: group).run()
        } catch {
            await alerts?.send(Alert(.exceptionBurst, .critical, "the node stopped on an error: \(error)", at: clock.now()))
            throw error
        }
    }

    private var interval: Duration { .seconds(configuration.app.schedule.intervalSeconds) }

    /// `post_trade_reconcile_wait_seconds`, when positive and below the interval.
    private var postTradeWait: Duration? {
        let seconds = configuration.policy.execution.postTradeReconcileWaitSeconds
        guard seconds > 0, seconds < Double(configuration.app.schedule.intervalSeconds) else { return nil }
        return .milliseconds(Int64(seconds * 1000))
    }

    private func nav(_ engine: TradingEngine) -> FixedPoint {
        (try? engine.portfolio.nav(marks: engine.latestMarks)) ?? engine.portfolio.cash
    }
}
