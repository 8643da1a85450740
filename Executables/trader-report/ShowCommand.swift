import Analytics
import ArgumentParser
import Foundation
import TraderCore

/// `trader-report [show] SOURCE`: a run's report (the metrics, breakdowns, attribution, hold
/// times, fills and decisions) as aligned text or JSON, and as an HTML page.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Report on a backtest's --out folder or a node's state file: metrics, breakdowns, attribution and decisions (text, JSON, HTML).",
        discussion: """
            A state file is read without its lock, so a running node can be reported on. --from and --to keep the round \
            trips that ended, and the equity points, fills and (for a state file) decisions, in the window.
            """)

    @Argument(help: "A backtest's --out folder, or a node's state file (state.sqlite).")
    var source: String

    @OptionGroup var window: ReportWindowOptions

    @Option(help: "text or json.")
    var format: ReportFormat = .text

    @Option(help: "Also write the report as one self-contained HTML page with charts to this file.")
    var html: String?

    @Option(help: "The configuration folder whose universe.yaml names a state file's tiers (a backtest's carry theirs).")
    var config: String?

    func run() throws {
        let report: TradingReport
        do {
            let tiers = try config.map(ConfigurationFolder.init)?.tiers ?? [:]
            report = try RunSource(source, drawing: html != nil, tiers: tiers).report(from: try window.start, to: try window.end, drawing: html != nil)
        } catch let error as ValidationError {
            throw error
        } catch {
            TraderReport.standardError("\(error)\n")
            throw ExitCode(2)
        }
        if let html {
            do {
                try report.html.write(toFile: html, atomically: true, encoding: .utf8)
            } catch {
                TraderReport.standardError("\(html): error: io: cannot write the page: \(error.localizedDescription)\n")
                throw ExitCode(2)
            }
        }
        switch format {
        case .text: print(report.text)
        case .json: print(try ReportJSON.rendered(report))
        }
    }
}
