import Analytics
import ArgumentParser
import Backtest
import Foundation
import TraderCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `trader-report SOURCE`: a run's report (the metrics, breakdowns, attribution, hold times, fills
/// and decisions) as aligned text or JSON.
@main
struct TraderReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trader-report",
        abstract: "Report on a backtest's --out folder: metrics, breakdowns, attribution and decisions (text, JSON, HTML).",
        discussion: """
            --from and --to keep the round trips that ended, and the equity points and fills, in the window. \
            Exit status: 0 success, 2 usage or data error.
            """)

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A backtest's --out folder.")
    var source: String

    @Option(help: "The window's start: 2021-01-01 or 2021-01-01T00:00:00Z.")
    var from: String?

    @Option(help: "The window's end (excluded).")
    var to: String?

    @Option(help: "text or json.")
    var format: Format = .text

    @Option(help: "Also write the report as one self-contained HTML page with charts to this file.")
    var html: String?

    func validate() throws {
        if let from, let to, try Self.instant(from, as: "--from") >= Self.instant(to, as: "--to") {
            throw ValidationError("--from \(from) is not before --to \(to): the window is empty")
        }
    }

    func run() throws {
        let artifacts: BacktestArtifacts
        do {
            artifacts = try BacktestArtifacts(folder: source, readingExposure: html != nil)
        } catch {
            Self.standardError("\(error)\n")
            throw ExitCode(2)
        }
        let report = try TradingReport(
            kind: "backtest", source: source, from: try from.map { try Self.instant($0, as: "--from") },
            to: try to.map { try Self.instant($0, as: "--to") }, roundTrips: artifacts.roundTrips, equity: artifacts.equity,
            fills: artifacts.fills, periodsPerYear: artifacts.periodsPerYear, riskFreeRate: artifacts.riskFreeRate,
            decisions: artifacts.decisions, cyclesWithoutSignal: artifacts.cyclesWithoutSignal, decisionsCoverWholeRun: true,
            exposure: artifacts.exposure, markers: html == nil ? nil : artifacts.markers, rejectionsByDay: artifacts.rejectionsByDay)
        if let html {
            do {
                try report.html.write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                Self.standardError("\(html): error: io: cannot write the page: \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        }
        switch format {
        case .text: print(report.text)
        case .json: print(try ReportJSON.rendered(report))
        }
    }

    /// Parses and runs, mapping argument errors to exit status 2 (ArgumentParser's own is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            standardError(fullMessage(for: error) + "\n")
            exit(withError: ExitCode(2))
        }
    }

    static func instant(_ text: String, as option: String) throws -> Timestamp {
        guard let time = ISO8601Format.parse(text.count == 10 ? text + "T00:00:00Z" : text) else {
            throw ValidationError("\(option): cannot read \"\(text)\" (2021-01-01 or 2021-01-01T00:00:00Z)")
        }
        return time
    }

    static func standardError(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
