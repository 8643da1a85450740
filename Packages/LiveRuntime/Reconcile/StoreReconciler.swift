import Logging
import Persistence
import TradingEngine
import TraderConfig
import TraderCore

/// What trader-reconcile does: compares the engine a state store last saved with its venue
/// (orders and their state and filled size, fills, balances and positions), and on request adopts
/// the venue's truth through the engine's reconciliation, auditing every change.
public struct StoreReconciler: Sendable {
    let configuration: TraderConfiguration
    let configHash: String
    let venue: VenueConnection
    let store: StateStore
    let logger: Logger

    /// A reconciler of `store`'s engine (under `configuration`, hashed `configHash`) with `venue`.
    public init(
        configuration: TraderConfiguration, configHash: String, venue: VenueConnection, store: StateStore,
        logger: Logger = Logger(label: "trader.reconcile", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.configHash = configHash
        self.venue = venue
        self.store = store
        self.logger = logger
    }

    /// How the store's engine differs from the venue at `time`; nothing is changed.
    ///
    /// - Throws: ``LiveNodeError`` when the store holds no engine; ``VenueError`` when the venue
    ///   cannot be read; ``StoreError``; what restoring the engine throws.
    public func differences(at time: Timestamp) async throws -> ReconciliationReport {
        let (engine, fillsSince) = try await savedEngine()
        let startup = LiveStartup(venue: venue, store: store, logger: logger)
        return engine.reconciliation(with: try await startup.venueSnapshot(for: engine, fillsSince: fillsSince, at: time))
    }

    /// Adopts the venue's truth at `time` (see ``LiveStartup/reconcile(_:fillsSince:at:auditID:mode:configHash:)``)
    /// and returns what differed. The store must have been opened with its lock.
    ///
    /// - Throws: as ``differences(at:)``; ``EngineError`` or ``Portfolio/Error`` when the truth
    ///   cannot be adopted (nothing changes).
    public func fix(at time: Timestamp) async throws -> ReconciliationReport {
        var (engine, fillsSince) = try await savedEngine()
        let startup = LiveStartup(venue: venue, store: store, logger: logger)
        return try await startup.reconcile(
            &engine, fillsSince: fillsSince, at: time, auditID: "reconcile-\(time.nanosecondsSinceEpoch)", mode: configuration.app.mode,
            configHash: configHash)
    }

    /// The engine the store saved, trading the venue's rules, and when to read fills from.
    private func savedEngine() async throws -> (engine: TradingEngine, fillsSince: Timestamp) {
        let (symbols, _) = try await venue.listed(configuration.universe.tiers.flatMap(\.symbols))
        let engineConfiguration = configuration.engineConfiguration(products: try await venue.rules(of: symbols), on: venue)
        let startup = LiveStartup(venue: venue, store: store, logger: logger)
        guard let saved = try await startup.savedEngine(configuration: engineConfiguration, runEpoch: nil) else {
            throw LiveNodeError("\(store.path) holds no saved engine: nothing to reconcile (trader-live saves one every cycle)")
        }
        let interval = Duration.seconds(configuration.app.schedule.intervalSeconds)
        return (saved.engine, saved.savedAt.advanced(by: .zero - interval))
    }
}
