import Analytics
import Backtest
import Foundation
import LiveRuntime
import TraderCore

/// A run read for a report: a backtest's `--out` folder, or a live or paper node's state file
/// (read-only, without its lock).
enum RunSource {
    case backtest(BacktestArtifacts)
    case live(LiveRunHistory)

    /// Reads `path`: a folder is a backtest's, a file a state store, whose round trips are labelled
    /// with `tiers` (a backtest's carry theirs). `drawing` reads what only the HTML page draws (a
    /// backtest's exposure).
    ///
    /// - Throws: the reader's error (``DataError``, `StoreError`), which names the file.
    init(_ path: String, drawing: Bool, tiers: [Symbol: String] = [:]) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw DataError(.io, file: path, "no such backtest folder or state file")
        }
        self = isFolder.boolValue ? .backtest(try BacktestArtifacts(folder: path, readingExposure: drawing)) : .live(try LiveRunHistory(statePath: path, tiers: tiers))
    }

    /// The report over `from..<to`; `drawing` keeps what the HTML page draws.
    func report(from: Timestamp?, to: Timestamp?, drawing: Bool) throws -> TradingReport {
        switch self {
        case .backtest(let run):
            try TradingReport(
                kind: "backtest", source: run.folder, from: from, to: to, roundTrips: run.roundTrips, equity: run.equity, fills: run.fills,
                periodsPerYear: run.periodsPerYear, riskFreeRate: run.riskFreeRate, decisions: run.decisions,
                cyclesWithoutSignal: run.cyclesWithoutSignal, decisionsCoverWholeRun: true, exposure: run.exposure,
                markers: drawing ? run.markers : nil, rejectionsByDay: run.rejectionsByDay)
        case .live(let run):
            try run.report(from: from, to: to, drawing: drawing)
        }
    }

    /// The equity curve's first and last instants; `nil` without points.
    var span: ClosedRange<Timestamp>? {
        let curve = switch self {
        case .backtest(let run): run.equity
        case .live(let run): run.equity
        }
        guard let first = curve.first?.time, let last = curve.last?.time else { return nil }
        return first...last
    }

    /// The orders that traded.
    var orders: [TradedOrder] {
        switch self {
        case .backtest(let run): run.orders
        case .live(let run): run.orders
        }
    }

    /// Why the run did not trade, where it keeps it (a live run's audit log).
    var refusals: [RunRefusal] {
        switch self {
        case .backtest: []
        case .live(let run): run.refusals
        }
    }
}
