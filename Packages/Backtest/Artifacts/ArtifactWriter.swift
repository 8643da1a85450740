import Analytics
import Dispatch
import Foundation
import RiskKit
import Synchronization
import TraderCore

/// Writes a run's artifacts into a folder as the run goes (DESIGN.md §3: backtests leave evidence):
///
/// - `orders.json`: every order, with its fills and its state history, in the order it settled
///   (orders still working at the end last, by client order id);
/// - `trades.json`: the round trips, in closing order, with their attribution;
/// - `equity.csv`: `time,equity,cash,exposed` after each bar time's decision;
/// - `exposure.csv`: `time,nav,total_pct,pending_pct` and one `<ASSET>_pct` column per traded base
///   asset, held plus pending at the decision's marks, % of NAV;
/// - `metrics.json`: the result and ``PerformanceMetrics``, with the configuration's hash and the
///   rejections of each day;
/// - `config.json` and `config.sha256`: the effective configuration and its hash, when given.
///
/// JSON keys are sorted and numbers are exact decimals, so two runs of the same inputs write the
/// same bytes. The files appear in the folder only when ``finish(_:)`` completes, `metrics.json`
/// last, so a reader never mixes two runs (see ``ArtifactFolder``).
public final class ArtifactWriter: BacktestRecorder {
    /// What the run hands the writer thread.
    private enum Batch: Sendable {
        case records([ArtifactStreams.Record])
        case end
    }

    /// The streams, as the writer thread uses them.
    ///
    /// `@unchecked Sendable`, audited: the writer thread alone uses the streams from its start
    /// until it signals ``done`` after the last batch; the run touches them only after waiting for
    /// that. The first error is kept behind a mutex.
    private final class Writer: @unchecked Sendable {
        let streams: ArtifactStreams
        let batches = HandOff<Batch>(capacity: 4)
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<(any Error)?>(nil)

        init(streams: ArtifactStreams) { self.streams = streams }

        /// The writer thread's loop: writes every record until the end; after an error, it takes
        /// what comes without writing it, so that the run never waits on a full queue.
        func run() {
            while case .records(let records) = batches.take() {
                guard failure.withLock({ $0 == nil }) else { continue }
                do {
                    for record in records { try streams.write(record) }
                } catch {
                    failure.withLock { $0 = error }
                }
            }
            done.signal()
        }
    }

    /// The folder written to.
    public let folder: String
    private let destination: ArtifactFolder
    private var written: [String] = []
    private let configHash: String?
    private let writer: Writer
    private var pending: [ArtifactStreams.Record] = []
    private var finished = false
    private static let batchSize = 4_096

    /// Creates `folder` (and its parents) if needed, opens the streamed files in its staging
    /// folder and starts the thread that writes them: the run hands its records over in batches and
    /// goes on, the files are written on a second core.
    ///
    /// - Parameters:
    ///   - assets: the base assets whose exposure gets a column (sorted here).
    ///   - effectiveConfig: the configuration's canonical JSON, written as `config.json`.
    ///   - configHash: its hash, `sha256:<hex>`, written as `config.sha256` and into metrics.json.
    /// - Throws: ``ArtifactError``, also when `folder` or a parent exists and is not a folder.
    public init(folder: String, assets: [String], effectiveConfig: [UInt8]? = nil, configHash: String? = nil) throws(ArtifactError) {
        self.folder = folder
        self.configHash = configHash
        let destination = try ArtifactFolder(path: folder)
        self.destination = destination
        writer = Writer(streams: try ArtifactStreams(in: destination, assets: assets.sorted()))
        written = ArtifactStreams.names
        if let effectiveConfig {
            let file = try TextFile(path: destination.stagingPath("config.json"))
            written.append("config.json")
            try file.write(effectiveConfig)
            try file.write("\n")
            try file.close()
        }
        if let configHash {
            let file = try TextFile(path: destination.stagingPath("config.sha256"))
            written.append("config.sha256")
            try file.write(configHash + "\n")
            try file.close()
        }
        pending.reserveCapacity(Self.batchSize)
        let writer = writer
        let thread = Thread { writer.run() }
        thread.name = "trader.artifacts"
        thread.start()
    }

    /// Appends the order to orders.json.
    ///
    /// - Throws: the first error the writer met (the files cannot be completed then).
    public func record(order: Order, origin: OrderOrigin?) throws {
        try add(.order(order, origin))
    }

    /// Appends the round trip to trades.json.
    ///
    /// - Throws: the first error the writer met.
    public func record(roundTrip: RoundTrip) throws {
        try add(.roundTrip(roundTrip))
    }

    /// Appends a line to equity.csv and to exposure.csv.
    ///
    /// - Throws: the first error the writer met.
    public func record(bar: BarState) throws {
        try add(.bar(bar))
    }

    private func add(_ record: ArtifactStreams.Record) throws {
        pending.append(record)
        guard pending.count == Self.batchSize else { return }
        if let failure = writer.failure.withLock({ $0 }) { throw failure }
        writer.batches.put(.records(pending))
        pending = []
        pending.reserveCapacity(Self.batchSize)
    }

    /// Waits for the writer thread to write everything handed over.
    private func stopWriter() {
        guard !finished else { return }
        finished = true
        if !pending.isEmpty { writer.batches.put(.records(pending)) }
        pending = []
        writer.batches.put(.end)
        writer.done.wait()
    }

    /// Waits for the writer, closes the streamed files, writes metrics.json and moves the set into
    /// the folder.
    ///
    /// - Throws: the first error the writer met; ``ArtifactError``; encoding errors.
    public func finish(_ result: BacktestResult) throws {
        stopWriter()
        if let failure = writer.failure.withLock({ $0 }) { throw failure }
        try writer.streams.close()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let metrics = try TextFile(path: destination.stagingPath(ArtifactFolder.completionMarker))
        try metrics.write(Array(try encoder.encode(MetricsDocument(result: result, configHash: configHash))))
        try metrics.write("\n")
        try metrics.close()
        try destination.publish(written + [ArtifactFolder.completionMarker])
    }

    deinit { stopWriter() }
}

/// metrics.json: the run's counts and performance.
private struct MetricsDocument: Encodable {
    let result: BacktestResult
    let configHash: String?

    enum CodingKeys: String, CodingKey {
        case bars, orders, fills, end, violations, metrics, decisions
        case cyclesWithoutSignal = "cycles_without_signal"
        case configHash = "config_hash", rejectedOrders = "rejected_orders", roundTrips = "round_trips"
        case feesPaid = "fees_paid", openLotFees = "open_lot_fees", finalEquity = "final_equity"
        case rejectionsByDay = "rejections_by_day"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(configHash, forKey: .configHash)
        try c.encode(result.bars, forKey: .bars)
        try c.encode(result.orders, forKey: .orders)
        try c.encode(result.rejectedOrders, forKey: .rejectedOrders)
        try c.encode(result.fills, forKey: .fills)
        try c.encode(result.roundTrips, forKey: .roundTrips)
        try c.encode(result.feesPaid, forKey: .feesPaid)
        try c.encode(result.openLotFees, forKey: .openLotFees)
        try c.encode(result.finalEquity, forKey: .finalEquity)
        try c.encode(result.end, forKey: .end)
        try c.encode(result.violations.map(\.description), forKey: .violations)
        try c.encode(result.decisions.cyclesWithoutSignal, forKey: .cyclesWithoutSignal)
        try c.encode(result.decisions.counts, forKey: .decisions)
        try c.encode(result.decisions.rejectionsByDay, forKey: .rejectionsByDay)
        try c.encode(result.metrics, forKey: .metrics)
    }
}
