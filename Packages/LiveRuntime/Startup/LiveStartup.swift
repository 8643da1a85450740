import Foundation
import Logging
import Persistence
import TradingEngine
import TraderCore

/// What a live node does before its first cycle: restore the engine the store saved, and bring
/// it to the venue's truth. Orders committed before a crash are looked up by client order id and
/// booked as the venue has them; one the venue never received is refused, never sent again. Every
/// difference adopted is written to the audit log.
public struct LiveStartup: Sendable {
    let venue: VenueConnection
    let store: StateStore
    let logger: Logger

    /// A start-up against `venue` from `store`, reporting to `logger`.
    public init(
        venue: VenueConnection, store: StateStore,
        logger: Logger = Logger(label: "trader.live", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.venue = venue
        self.store = store
        self.logger = logger
    }

    /// The engine as the store last saved it, under `configuration`, its new orders carrying
    /// `runEpoch`; `nil` when the store holds no engine (a first start).
    ///
    /// - Throws: as ``savedEngine(configuration:runEpoch:)``.
    public func restoreEngine(configuration: EngineConfiguration, runEpoch: Int64) async throws -> TradingEngine? {
        try await savedEngine(configuration: configuration, runEpoch: runEpoch)?.engine
    }

    /// The engine as the store last saved it, under `configuration` (its new orders carrying
    /// `runEpoch`, when given), and when it was saved; `nil` when the store holds no engine.
    ///
    /// - Throws: ``StoreError``; `DecodingError` for a snapshot that cannot be read; what
    ///   ``TradingEngine/init(configuration:restoring:runEpoch:)`` throws.
    public func savedEngine(configuration: EngineConfiguration, runEpoch: Int64?) async throws -> (engine: TradingEngine, savedAt: Timestamp)? {
        guard let snapshot = try await store.latestEngineSnapshot() else { return nil }
        let state = try JSONDecoder().decode(EngineState.self, from: Data(snapshot.payload))
        return (try TradingEngine(configuration: configuration, restoring: state, runEpoch: runEpoch), snapshot.time)
    }

    /// Feeds `engine`'s signals the last `bars` bars of each symbol that closed by `time`, as the
    /// venue has them, oldest first: a restored engine's indicators start cold, and then propose
    /// as those of an engine that never stopped. A market with sessions (US stocks: nights,
    /// weekends, holidays) holds fewer bars than `bars` intervals back, so the window reaches
    /// further back, doubling, up to five times, until it holds `bars` bars or the venue has no
    /// more.
    ///
    /// - Returns: how many bar times were fed.
    /// - Throws: ``VenueError`` when the candles cannot be read.
    @discardableResult
    public func warmUp(
        _ engine: inout TradingEngine, symbols: [Symbol], interval: Duration, bars: Int, until time: Timestamp
    ) async throws(VenueError) -> Int {
        var history: [Timestamp: SymbolMap<Candle>] = [:]
        for symbol in symbols {
            var candles: [Candle] = []
            var end = time
            var window = interval * bars
            for _ in 0..<5 {
                let earlier = try await venue.market.candles(for: symbol, interval: interval, in: end.advanced(by: .zero - window)..<end)
                candles.insert(contentsOf: earlier, at: 0)
                guard candles.count < bars, !earlier.isEmpty || candles.isEmpty else { break }
                end = end.advanced(by: .zero - window)
                window = window * 2
            }
            for candle in candles.suffix(bars) { history[candle.time, default: [:]][symbol] = candle }
        }
        for barTime in history.keys.sorted() { engine.warmUp(with: history[barTime] ?? [:]) }
        return history.count
    }

    /// What the venue says of `engine`'s world at `time`: balances, positions, open orders, fills
    /// since `fillsSince`, and a lookup of every order the engine has not seen settle.
    ///
    /// - Throws: ``VenueError`` of the first call that fails: the snapshot is then incomplete, and
    ///   the node must take no new risk until a retry succeeds.
    public func venueSnapshot(for engine: TradingEngine, fillsSince: Timestamp, at time: Timestamp) async throws(VenueError) -> VenueSnapshot {
        let open = try await venue.orders.openOrders()
        var lookups: [ClientOrderID: VenueOrderReport?] = [:]
        for reference in engine.ordersToLookUp(openAtVenue: open) {
            lookups[reference.clientOrderID] = .some(try await venue.orders.order(reference))
        }
        return VenueSnapshot(
            time: time, balances: try await venue.accounts.balances(), positions: try await venue.accounts.positions(), openOrders: open,
            fills: try await venue.orders.fills(since: fillsSince), lookups: lookups)
    }

    /// Reconciles `engine` with the venue and adopts the venue's truth (see
    /// ``TradingEngine/adoptVenueTruth(_:)``), committing the adopted order steps and fills, an
    /// audit record naming every difference, and the reconciled engine (amending the state saved
    /// for its last cycle) in one transaction. A process that dies before the commit reconciles
    /// again from the same saved state, which books nothing twice (fills are kept once by trade id).
    ///
    /// - Parameter auditID: the audit record's id (`startup-EPOCH` at a node's start).
    /// - Returns: the differences found (orders the engine did not create among them, left alone).
    /// - Throws: ``VenueError`` when the venue's truth cannot be gathered; ``EngineError``,
    ///   ``Portfolio/Error`` when it cannot be adopted (nothing changes); ``StoreError``.
    public func reconcile(
        _ engine: inout TradingEngine, fillsSince: Timestamp, at time: Timestamp, auditID: String, mode: TradingMode, configHash: String
    ) async throws -> ReconciliationReport {
        let snapshot = try await venueSnapshot(for: engine, fillsSince: fillsSince, at: time)
        var adopted = engine
        let truth = try AdoptedTruth(adopting: snapshot, into: &adopted, at: time)
        for difference in truth.report.differences {
            logger.warning(
                "reconciliation: \(difference.kind.rawValue)",
                metadata: ["subject": "\(difference.subject)", "engine": "\(difference.engine)", "venue": "\(difference.venue)"])
        }
        try await store.commitCycle(
            CycleRecord(
                audit: AuditRecord(
                    cycleID: auditID, at: time, mode: mode.rawValue, configHash: configHash, snapshotSummary: "reconciliation with the venue",
                    decisions: truth.decisions, intents: [], latenciesMicroseconds: [:]),
                transitions: truth.transitions, fills: truth.fills, engineSnapshot: try EngineSnapshot(adopted, at: time),
                amendsEngineSnapshot: true))
        engine = adopted
        return truth.report
    }
}
