import TraderCore
import YAMLConfig

/// `app.yaml`: how the trading process runs (mode, venue, logging, state, endpoints, schedule,
/// alerts). Trading rules live in ``PolicyConfig``, the tradable universe in ``UniverseConfig``.
public struct AppConfig: Hashable, Sendable, Codable {
    /// Whether orders go nowhere, to a simulated venue, or to the real one.
    public var mode: TradingMode
    /// Which deployment this is; `production` gates `LIVE`, `staging` refuses it.
    public var environment: DeploymentEnvironment
    /// Which venue the node trades on.
    public var venue: Venue
    /// Log level, format and file.
    public var logging: LoggingSettings
    /// The SQLite state store.
    public var state: StateSettings
    /// The health endpoint.
    public var health: EndpointSettings
    /// The Prometheus metrics endpoint.
    public var metrics: EndpointSettings
    /// How often a trading cycle runs.
    public var schedule: ScheduleSettings
    /// Where alerts go, by severity.
    public var alerts: AlertSettings
    /// The paper venue's candles and cash; required with `venue: sim`.
    public var sim: SimVenueSettings?
    /// Where Coinbase is reached; required with `venue: coinbase`.
    public var coinbase: CoinbaseSettings?
    /// Where TWS or IB Gateway is reached; required with `venue: ibkr`.
    public var ibkr: IBKRSettings?
    /// What a stop does; absent: cancel working orders (except in DRY_RUN) within 30 seconds.
    public var shutdown: ShutdownSettings?
    /// How often a running node reconciles with the venue; absent: every hour.
    public var reconcile: ReconcileSettings?
    /// Shadow mode: compute the decisions DRY_RUN would take beside a PAPER or LIVE run, and
    /// report intended versus actual orders; absent: off.
    public var shadow: Bool?

    /// ``shutdown``, or its default for ``mode``.
    public var effectiveShutdown: ShutdownSettings {
        shutdown ?? ShutdownSettings(cancelOpenOrders: mode != .dryRun, timeoutSeconds: 30)
    }

    /// ``reconcile``, or its default: every hour.
    public var effectiveReconcile: ReconcileSettings {
        reconcile ?? ReconcileSettings(intervalSeconds: 3600)
    }

    /// The file's top-level keys, for routing environment overrides.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case mode, environment, venue, logging, state, health, metrics, schedule, alerts, sim, coinbase, ibkr, shutdown, reconcile, shadow
    }
}

/// The deployment a configuration is for.
public enum DeploymentEnvironment: String, CaseIterable, Hashable, Sendable, Codable {
    /// Pre-production; `LIVE` is refused here.
    case staging
    /// Real money may be at stake; `LIVE` must pass the production gate.
    case production
}

/// The venue a node trades on.
public enum Venue: String, CaseIterable, Hashable, Sendable, Codable {
    /// Coinbase Advanced Trade (spot crypto).
    case coinbase
    /// Interactive Brokers through TWS or IB Gateway (options).
    case ibkr
    /// The local venue simulator.
    case sim
}
