import Analytics
import RiskKit
import TraderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes a run's artifacts into a folder as the run goes (DESIGN.md §3: backtests leave evidence):
///
/// - `orders.json`: every order, with its fills and its state history, in the order it settled
///   (orders still working at the end last, by client order id);
/// - `trades.json`: the round trips, in closing order, with their attribution;
/// - `equity.csv`: `time,equity,cash,exposed` after each bar time's decision;
/// - `exposure.csv`: `time,nav,total_pct,pending_pct` and one `<ASSET>_pct` column per traded base
///   asset, held plus pending at the decision's marks, % of NAV;
/// - `metrics.json`: the result and ``PerformanceMetrics``, with the configuration's hash;
/// - `config.json` and `config.sha256`: the effective configuration and its hash, when given.
///
/// JSON keys are sorted and numbers are exact decimals, so two runs of the same inputs write the
/// same bytes. The files appear in the folder only when ``finish(_:)`` completes, `metrics.json`
/// last, so a reader never mixes two runs (see ``ArtifactFolder``).
public final class ArtifactWriter: BacktestRecorder {
    /// The folder written to.
    public let folder: String
    private let destination: ArtifactFolder
    private var written: [String] = []
    private let assets: [String]
    private let configHash: String?
    private let orders: TextFile
    private let trades: TextFile
    private let equity: TextFile
    private let exposure: TextFile
    private var ordersWritten = 0
    private var tradesWritten = 0
    /// The equity and exposure lines of a bar, their storage kept from bar to bar.
    private var barLines: BarLines
    /// The JSON record being written, its storage kept from record to record.
    private var json = JSONBytes()

    /// Creates `folder` (and its parents) if needed and opens the streamed files in its staging folder.
    ///
    /// - Parameters:
    ///   - assets: the base assets whose exposure gets a column (sorted here).
    ///   - effectiveConfig: the configuration's canonical JSON, written as `config.json`.
    ///   - configHash: its hash, `sha256:<hex>`, written as `config.sha256` and into metrics.json.
    /// - Throws: ``ArtifactError``, also when `folder` or a parent exists and is not a folder.
    public init(folder: String, assets: [String], effectiveConfig: [UInt8]? = nil, configHash: String? = nil) throws(ArtifactError) {
        self.folder = folder
        self.assets = assets.sorted()
        barLines = BarLines(assets: self.assets)
        self.configHash = configHash
        let destination = try ArtifactFolder(path: folder)
        self.destination = destination
        orders = try TextFile(path: destination.stagingPath("orders.json"))
        trades = try TextFile(path: destination.stagingPath("trades.json"))
        equity = try TextFile(path: destination.stagingPath("equity.csv"))
        exposure = try TextFile(path: destination.stagingPath("exposure.csv"))
        written = ["orders.json", "trades.json", "equity.csv", "exposure.csv"]
        try orders.write("[\n")
        try trades.write("[\n")
        try equity.write("time,equity,cash,exposed\n")
        try exposure.write((["time", "nav", "total_pct", "pending_pct"] + self.assets.map { "\($0)_pct" }).joined(separator: ",") + "\n")
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
    }

    /// Appends the order to orders.json.
    public func record(order: Order, origin: OrderOrigin?) throws {
        json.removeAll()
        OrderRecord(order, origin: origin).appendJSON(to: &json)
        try appendRecord(to: orders, count: &ordersWritten)
    }

    /// Appends the round trip to trades.json.
    public func record(roundTrip: RoundTrip) throws {
        json.removeAll()
        roundTrip.appendJSON(to: &json)
        try appendRecord(to: trades, count: &tradesWritten)
    }

    /// Appends a line to equity.csv and to exposure.csv.
    public func record(bar: BarState) throws {
        // Moved out for the bar: each use of a class's stored property is checked for exclusive
        // access, and a bar uses the buffers some fifty times.
        var lines = barLines
        barLines = BarLines(assets: [])
        try lines.render(bar)
        try equity.write(lines.equity)
        try exposure.write(lines.exposure)
        barLines = lines
    }

    /// Closes the streamed files, writes metrics.json and moves the set into the folder.
    ///
    /// - Throws: ``ArtifactError``; encoding errors.
    public func finish(_ result: BacktestResult) throws {
        try orders.write(ordersWritten == 0 ? "]\n" : "\n]\n")
        try trades.write(tradesWritten == 0 ? "]\n" : "\n]\n")
        for file in [orders, trades, equity, exposure] { try file.close() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let metrics = try TextFile(path: destination.stagingPath(ArtifactFolder.completionMarker))
        try metrics.write(Array(try encoder.encode(MetricsDocument(result: result, configHash: configHash))))
        try metrics.write("\n")
        try metrics.close()
        try destination.publish(written + [ArtifactFolder.completionMarker])
    }

    /// Appends the record in ``json`` to `file`, after a separating comma and newline.
    private func appendRecord(to file: TextFile, count: inout Int) throws {
        if count > 0 { try file.write(",\n") }
        try file.write(json.bytes)
        count += 1
    }
}

/// metrics.json: the run's counts and performance.
private struct MetricsDocument: Encodable {
    let result: BacktestResult
    let configHash: String?

    enum CodingKeys: String, CodingKey {
        case bars, orders, fills, end, violations, metrics, decisions
        case cyclesWithoutSignal = "cycles_without_signal"
        case configHash = "config_hash", rejectedOrders = "rejected_orders", roundTrips = "round_trips"
        case feesPaid = "fees_paid", finalEquity = "final_equity"
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
        try c.encode(result.finalEquity, forKey: .finalEquity)
        try c.encode(result.end, forKey: .end)
        try c.encode(result.violations.map(\.description), forKey: .violations)
        try c.encode(result.decisions.cyclesWithoutSignal, forKey: .cyclesWithoutSignal)
        try c.encode(result.decisions.counts, forKey: .decisions)
        try c.encode(result.metrics, forKey: .metrics)
    }
}
