import ArgumentParser
import CoinbaseAdapter
import Foundation
import LiveRuntime
import Persistence
import TradingEngine
import TraderConfig
import TraderCore

/// `trader-reconcile`: compares a node's state store with its venue and prints the drift.
///
/// Exit status: 0 in sync (or, with `--fix`, brought in sync); 1 drift found; 2 error (the
/// configuration, the store, the venue, or `--fix` while trader-live holds the state file).
@main
struct TraderReconcile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trader-reconcile",
        abstract: "Compare the state store with the venue: orders, fills, balances, positions.",
        discussion: """
            Without --fix the store is only read (without its lock: it works while trader-live runs), and \
            read-only venue credentials suffice. --fix adopts the venue's truth through the engine's \
            reconciliation, with an audit record of every change; it refuses to run while another process \
            holds the state file.
            """)

    @Option(help: "The configuration folder.")
    var config = "config"

    @Option(help: "The drift table's format: text or json.")
    var format: Format = .text

    @Flag(help: "Adopt the venue's truth (needs the state file's lock).")
    var fix = false

    enum Format: String, ExpressibleByArgument {
        case text, json
    }

    func run() async throws {
        let loaded = TraderConfigLoader(environment: ProcessInfo.processInfo.environment).load(.directory(config))
        guard let configuration = loaded.configuration, let hash = loaded.hash else {
            for finding in loaded.findings where finding.severity == .error { Self.fail(finding.description) }
            Self.fail("the configuration in \(config) has errors")
            throw ExitCode(2)
        }
        let report: ReconciliationReport
        do {
            let venue = try Self.venue(configuration.app, secrets: loaded.secrets, baseDirectory: config)
            let path = configuration.app.state.path
            let store = try fix ? StateStore(path: path) : StateStore(readingOnly: path)
            let reconciler = StoreReconciler(configuration: configuration, configHash: hash.description, venue: venue, store: store)
            let now = SystemClock().now()
            report = try await fix ? reconciler.fix(at: now) : reconciler.differences(at: now)
        } catch let error as StoreError where error.code == .locked {
            Self.fail("--fix refused: \(error.message); stop trader-live first, or run without --fix to only compare")
            throw ExitCode(2)
        } catch {
            Self.fail("\(error)")
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data((DriftTable(report: report, fixed: fix).render(format) + "\n").utf8))
        if !report.isInSync && !fix { throw ExitCode(1) }
    }

    /// The venue app.yaml names: Coinbase (the paper venue keeps no state between runs).
    private static func venue(_ app: AppConfig, secrets: TraderSecrets, baseDirectory: String) throws -> VenueConnection {
        guard app.venue == .coinbase, let settings = app.coinbase else {
            throw LiveNodeError("venue \(app.venue.rawValue) cannot be reconciled: only coinbase keeps state between runs")
        }
        var credentials: CoinbaseCredentials?
        if let name = secrets.coinbaseAPIKeyName, let key = secrets.coinbaseAPIPrivateKey {
            credentials = try CoinbaseCredentials(keyName: name.reveal(), pem: key.reveal())
        }
        let caFile = settings.caFile.map { $0.hasPrefix("/") ? $0 : baseDirectory + "/" + $0 }
        return VenueConnection(CoinbaseAdapter(configuration: CoinbaseConfiguration(baseURL: settings.baseUrl, credentials: credentials, caFile: caFile)))
    }

    private static func fail(_ message: String) {
        FileHandle.standardError.write(Data("trader-reconcile: \(message)\n".utf8))
    }
}
