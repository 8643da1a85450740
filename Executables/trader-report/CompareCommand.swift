import Analytics
import Backtest
import ArgumentParser
import Foundation
import TraderCore

/// `trader-report compare BACKTEST LIVE`: the two runs side by side over the period they share,
/// their trades matched, and the drift flags with policy.yaml's `report` thresholds.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "A backtest and a live or paper run side by side: metrics, matched and missed trades, drift flags.",
        discussion: """
            The window is the period both equity curves cover, within --from and --to. The thresholds are policy.yaml's \
            `report` section of --config (the defaults without one). Exit status 1 when a drift flag is raised.
            """)

    @Argument(help: "A backtest's --out folder.")
    var backtest: String

    @Argument(help: "A live or paper node's state file (state.sqlite), or another backtest's folder.")
    var live: String

    @OptionGroup var window: ReportWindowOptions

    @Option(help: "The configuration folder: policy.yaml's `report` section sets the drift thresholds, universe.yaml the live run's tiers.")
    var config: String?

    @Option(help: "text or json.")
    var format: ReportFormat = .text

    func run() throws {
        let comparison: RunComparison
        do {
            let folder = try config.map(ConfigurationFolder.init)
            let thresholds = folder?.thresholds ?? DriftThresholds()
            let (tested, lived) = (try RunSource(backtest, drawing: false), try RunSource(live, drawing: false, tiers: folder?.tiers ?? [:]))
            guard case .backtest = tested else { throw DataError(.io, file: backtest, "compare's first run must be a backtest's --out folder") }
            guard let a = tested.span, let b = lived.span, max(a.lowerBound, b.lowerBound) <= min(a.upperBound, b.upperBound) else {
                throw DataError(.io, file: live, "the runs share no period (their equity curves do not overlap)")
            }
            var from = max(a.lowerBound, b.lowerBound)
            var to = min(a.upperBound, b.upperBound).advanced(by: .seconds(1))  // past the last point both have
            if let start = try window.start { from = max(from, start) }
            if let end = try window.end { to = min(to, end) }
            guard from < to else { throw DataError(.io, file: live, "the runs share no period within --from and --to") }
            comparison = RunComparison(
                backtest: try tested.report(from: from, to: to, drawing: false), live: try lived.report(from: from, to: to, drawing: false),
                backtestOrders: tested.orders, liveOrders: lived.orders, liveRefusals: lived.refusals, thresholds: thresholds)
        } catch let error as ValidationError {
            throw error
        } catch {
            TraderReport.standardError("\(error)\n")
            throw ExitCode(2)
        }
        switch format {
        case .text: print(comparison.text)
        case .json: print(try ReportJSON.rendered(comparison))
        }
        if comparison.drifted { throw ExitCode(1) }
    }
}
