import ArgumentParser
import Backtest
import Foundation
import LiveRuntime
import Logging
import Persistence
import TraderConfig
import TraderCore

/// `trader-live`: the trading node. Loads and checks the configuration (printing its hash), takes
/// the state file's lock, reconciles with the venue and trades on the schedule until stopped
/// (SIGTERM or SIGINT) or `--max-cycles` is reached, then prints what it did.
///
/// Exit status: 0 stopped cleanly; 1 failed while running; 2 refused to start (configuration,
/// production gate, state file locked by another process, venue not set up).
@main
struct TraderLive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trader-live",
        abstract: "Run the trading node on the configured venue.",
        discussion: """
            The configuration folder holds app.yaml, policy.yaml and universe.yaml (check them with \
            config-lint first). The summary goes to standard output; logs go where app.yaml's logging says.
            """)

    @Option(help: "The configuration folder.")
    var config = "config"

    @Option(help: "Stop after this many cycles (a bounded session).")
    var maxCycles: Int?

    @Option(name: .customLong("data"), help: "venue sim: candles SYMBOL=FILE, replacing app.yaml's sim.candles (repeatable).")
    var data: [String] = []

    @Option(help: "Bars of each symbol fed to the signals before the first cycle.")
    var warmUpBars = 100

    @Option(help: "The schedule jitter's seed.")
    var seed: UInt64 = 1

    @Option(help: "The summary's format: text or json.")
    var format: SummaryFormat = .text

    func validate() throws {
        if let maxCycles, maxCycles < 1 { throw ValidationError("--max-cycles must be at least 1") }
        guard warmUpBars >= 1 else { throw ValidationError("--warm-up-bars must be at least 1") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let loaded = TraderConfigLoader(environment: environment).load(.directory(config))
        for finding in loaded.findings { FileHandle.standardError.write(Data((finding.description + "\n").utf8)) }
        guard let configuration = loaded.configuration, let hash = loaded.hash else {
            FileHandle.standardError.write(Data("trader-live: the configuration in \(config) has errors; not starting\n".utf8))
            throw ExitCode(2)
        }
        say("config_hash \(hash)")
        let logger = try Self.logger(configuration.app.logging)
        let setup: VenueSetup
        do {
            setup = try await venue(configuration, secrets: loaded.secrets)
        } catch {
            FileHandle.standardError.write(Data("trader-live: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let node = LiveNode(
            configuration: configuration, configHash: hash.description, baseDirectory: config, venue: setup.connection, clock: setup.clock,
            options: LiveNode.Options(
                maxCycles: maxCycles, warmUpBars: warmUpBars, seed: seed, environment: environment,
                jitterPct: configuration.app.venue == .sim || configuration.app.ibkr?.followGatewayClock == true ? 0 : nil,
                onListening: { endpoint, port in say("listening \(endpoint) \(port)") },
                onStoreOpened: { [orderIDs = setup.orderIDs] store in orderIDs?.attach(store) }, watchesVenueGaps: configuration.app.venue == .ibkr),
            alerts: Self.alerts(configuration.app.alerts, secrets: loaded.secrets, logger: logger), logger: logger)
        let secondSignal = SecondSignalExit()
        let outcome: LiveNode.Outcome
        do {
            outcome = try await Self.run(node, beside: setup.background)
            withExtendedLifetime(secondSignal) {}
        } catch let error as StoreError where error.code == .locked {
            FileHandle.standardError.write(Data("trader-live: \(error.message)\n".utf8))
            throw ExitCode(2)
        } catch let error as LiveNodeError {
            FileHandle.standardError.write(Data("trader-live: \(error)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("trader-live: stopped by an error: \(error)\n".utf8))
            throw ExitCode(1)
        }
        say(SessionSummary(outcome: outcome, mode: configuration.app.mode, venue: configuration.app.venue).render(format))
    }

    /// Runs `node` with the venue's background work (IB's connection) beside it; the work stops
    /// when the node does.
    private static func run(_ node: LiveNode, beside background: (@Sendable () async throws -> Void)?) async throws -> LiveNode.Outcome {
        guard let background else { return try await node.run() }
        return try await withThrowingTaskGroup(of: LiveNode.Outcome?.self) { group in
            group.addTask {
                try await background()
                return nil
            }
            group.addTask { try await node.run() }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let outcome = result { return outcome }
            }
            throw VenueSetup.Problem(description: "the venue's connection ended before the node")
        }
    }

    private func venue(_ configuration: TraderConfiguration, secrets: TraderSecrets) async throws -> VenueSetup {
        let app = configuration.app
        switch app.venue {
        case .sim:
            guard let settings = app.sim else { throw VenueSetup.Problem(description: "venue sim needs app.yaml's sim: section") }
            let candles = try data.isEmpty
                ? settings.candles.map { (try Self.symbol($0.symbol), $0.file.hasPrefix("/") ? $0.file : config + "/" + $0.file) }
                : data.map(Self.candleArgument)
            return try await VenueSetup.sim(settings, candles: candles, configuration: configuration, warmUpBars: warmUpBars)
        case .coinbase:
            guard let settings = app.coinbase else { throw VenueSetup.Problem(description: "venue coinbase needs app.yaml's coinbase: section") }
            return try await VenueSetup.coinbase(settings, secrets: secrets, baseDirectory: config)
        case .ibkr:
            guard let settings = app.ibkr else { throw VenueSetup.Problem(description: "venue ibkr needs app.yaml's ibkr: section") }
            return try await VenueSetup.ibkr(settings, secrets: secrets, products: configuration.universe.tiers.flatMap(\.symbols))
        }
    }

    private static func symbol(_ text: String) throws -> Symbol {
        guard let symbol = Symbol(canonical: text) else { throw VenueSetup.Problem(description: "\(text) is not a BASE-QUOTE symbol") }
        return symbol
    }

    private static func candleArgument(_ argument: String) throws -> (symbol: Symbol, path: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw VenueSetup.Problem(description: "--data \(argument): give SYMBOL=FILE") }
        return (try symbol(parts[0]), parts[1])
    }

    private static func logger(_ settings: LoggingSettings) throws -> Logger {
        let sink: LineLogHandler.Sink =
            try settings.file.map {
                .file(try RotatingLogFile(path: $0, maxBytes: settings.rotation.maxSizeMb << 20, maxFiles: settings.rotation.maxFiles))
            } ?? .standardError
        let level = Logger.Level(rawValue: settings.level.rawValue) ?? .info
        let format: LineLogHandler.Format = settings.format == .json ? .json : .text
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, level: level, format: format, sink: sink) }
        return Logger(label: "trader.live")
    }

    /// The alert routes whose webhooks are set; deduplicated and rate-limited on real time,
    /// whatever the trading clock's speed.
    private static func alerts(_ settings: AlertSettings, secrets: TraderSecrets, logger: Logger) -> AlertDispatcher? {
        guard settings.enabled else { return nil }
        let routes = settings.routes.compactMap { route in
            secrets.alertWebhooks[route.name].map {
                AlertDispatcher.Route(name: route.name, severities: Set(route.severities), webhookURL: $0.reveal())
            }
        }
        return routes.isEmpty ? nil : AlertDispatcher(routes: routes, clock: SystemClock(), logger: logger)
    }
}

/// Writes `line` to standard output at once (unbuffered, also into a pipe: supervisors and tests
/// wait for "listening ...").
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// The summary's format.
enum SummaryFormat: String, ExpressibleByArgument {
    case text, json
}
