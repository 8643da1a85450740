import ArgumentParser
import CoinbaseAdapter
import Foundation
import IBKRAdapter
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
            let path = configuration.app.state.path
            let store = try fix ? StateStore(path: path) : StateStore(readingOnly: path)
            report = try await Self.withVenue(configuration, secrets: loaded.secrets, baseDirectory: config) { venue, now in
                let reconciler = StoreReconciler(configuration: configuration, configHash: hash.description, venue: venue, store: store)
                return try await fix ? reconciler.fix(at: now) : reconciler.differences(at: now)
            }
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

    /// Runs `body` with the venue app.yaml names and the present: Coinbase on the wall clock, or IB
    /// (connected for the duration, on the gateway's clock with `follow_gateway_clock`). The paper
    /// venue keeps no state between runs, so it cannot be reconciled.
    private static func withVenue(
        _ configuration: TraderConfiguration, secrets: TraderSecrets, baseDirectory: String,
        _ body: (VenueConnection, Timestamp) async throws -> ReconciliationReport
    ) async throws -> ReconciliationReport {
        let app = configuration.app
        switch app.venue {
        case .coinbase:
            return try await body(try coinbase(app, secrets: secrets, baseDirectory: baseDirectory), SystemClock().now())
        case .ibkr:
            guard let settings = app.ibkr else { throw LiveNodeError("venue ibkr needs app.yaml's ibkr: section") }
            let adapter = IBKRAdapter(
                configuration: IBKRConfiguration(
                    host: settings.host ?? "127.0.0.1", port: settings.port, clientID: settings.clientId, account: secrets.ibkrAccountID?.reveal(),
                    products: configuration.universe.tiers.flatMap(\.symbols), orderIDs: NoOrderIDs()))
            let connection = Task { try await adapter.run() }
            defer { connection.cancel() }
            guard await adapter.waitUntilConnected(timeout: .seconds(30)) else {
                throw LiveNodeError("venue ibkr: no API connection to \(settings.host ?? "127.0.0.1"):\(settings.port) within 30 s")
            }
            let now = settings.followGatewayClock == true ? try await adapter.serverTime() : SystemClock().now()
            return try await body(VenueConnection(adapter), now)
        case .sim:
            throw LiveNodeError("venue sim cannot be reconciled: the paper venue keeps no state between runs")
        }
    }

    /// Coinbase, as app.yaml's `coinbase` section reaches it.
    private static func coinbase(_ app: AppConfig, secrets: TraderSecrets, baseDirectory: String) throws -> VenueConnection {
        guard let settings = app.coinbase else { throw LiveNodeError("venue coinbase needs app.yaml's coinbase: section") }
        var credentials: CoinbaseCredentials?
        if let name = secrets.coinbaseAPIKeyName, let key = secrets.coinbaseAPIPrivateKey {
            credentials = try CoinbaseCredentials(keyName: name.reveal(), pem: key.reveal())
        }
        let caFile = settings.caFile.map { $0.hasPrefix("/") ? $0 : baseDirectory + "/" + $0 }
        return VenueConnection(CoinbaseAdapter(configuration: CoinbaseConfiguration(baseURL: settings.baseUrl, credentials: credentials, caFile: caFile)))
    }

    /// trader-reconcile places no orders, so it reserves no order ids.
    private struct NoOrderIDs: OrderIDReservation {
        func reserveOrderID(atLeast minimum: Int) async throws(VenueError) -> Int {
            throw VenueError(.notSent, message: "trader-reconcile places no orders")
        }
    }

    private static func fail(_ message: String) {
        FileHandle.standardError.write(Data("trader-reconcile: \(message)\n".utf8))
    }
}
