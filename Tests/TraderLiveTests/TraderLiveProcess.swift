import Foundation
import Synchronization
import TraderTestKit

/// trader-live run as a subprocess from the package root, on a copy of the shipped configuration in
/// a temporary folder: the paper venue replaying real BTC-USD hours from ../shared/data, the state
/// store and log in the folder, health and metrics on free ports of 127.0.0.1.
final class TraderLiveProcess: Sendable {
    /// The built binary, beside the test bundle.
    static let binary: String = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = bundleFolder.appendingPathComponent("trader-live").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : SharedData.packageRoot + "/.build/debug/trader-live"
    }()

    /// The configuration folder (removed by ``remove()``).
    let folder: String
    /// The executable run: trader-live, or trader-reconcile on the same configuration.
    let program: String
    private let process: Process
    private let output = Mutex((standardOutput: "", standardError: ""))

    /// The state file the configuration names.
    var statePath: String { folder + "/state/trader.sqlite" }

    /// `program` on the configuration (and state) in `folder`, made by another.
    init(folder: String, program: String = "trader-live") {
        self.folder = folder
        self.program = program
        process = Process()
    }

    /// A configuration folder for a run on the paper venue, or on Coinbase at `coinbase` (an
    /// exchange-sim, whose replay clock the node follows).
    init(coinbase: String? = nil, ibkrPort: Int? = nil, cancelOnShutdown: Bool = true) throws {
        folder = NSTemporaryDirectory() + "trader-live-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["policy.yaml", "universe.yaml"] {
            try FileManager.default.copyItem(atPath: SharedData.packageRoot + "/config/" + name, toPath: folder + "/" + name)
        }
        var app = try String(contentsOfFile: SharedData.packageRoot + "/config/app.yaml", encoding: .utf8)
        for (shipped, replacement) in [
            ("file: var/log/trader.log", "file: \(folder)/trader.log"), ("path: var/state/trader.sqlite", "path: \(folder)/state/trader.sqlite"),
            ("port: 8080", "port: 0"), ("port: 9090", "port: 0"),
            ("file: ../../shared/data/binance_btcusdt_1h.csv", "file: \(try SharedData.path("data/binance_btcusdt_1h.csv"))"),
            ("file: ../../shared/data/binance_ethusdt_1h.csv", "file: \(try SharedData.path("data/binance_ethusdt_1h.csv"))"),
        ] {
            precondition(app.contains(shipped), "the shipped app.yaml no longer says \(shipped)")
            app = app.replacingOccurrences(of: shipped, with: replacement)
        }
        if let coinbase {
            app = app.replacingOccurrences(of: "venue: sim   ", with: "venue: coinbase")
                .replacingOccurrences(of: "base_url: https://api.coinbase.com", with: "base_url: \(coinbase)\n  follow_simulator_clock: true\n  private_requests_per_second: 1000")
        }
        if let ibkrPort {
            app = app.replacingOccurrences(of: "venue: sim   ", with: "venue: ibkr  ")
                + "ibkr:\n  port: \(ibkrPort)\n  client_id: 5\n  follow_gateway_clock: true\n  messages_per_second: 50\n"
            var universe = try String(contentsOfFile: folder + "/universe.yaml", encoding: .utf8)
            universe = universe.replacingOccurrences(of: "BTC-USD", with: "SPY-USD").replacingOccurrences(of: "ETH-USD", with: "QQQ-USD")
            try universe.write(toFile: folder + "/universe.yaml", atomically: true, encoding: .utf8)
        }
        if !cancelOnShutdown {
            app = app.replacingOccurrences(of: "cancel_open_orders: true", with: "cancel_open_orders: false")
        }
        try app.write(toFile: folder + "/app.yaml", atomically: true, encoding: .utf8)
        program = "trader-live"
        process = Process()
    }

    /// A configuration folder holding the shipped `config/examples/ibkr` (the options bot) for a
    /// session against `exchange-sim --venue ibkr` on `port` replaying hourly bars: the node on the
    /// gateway's clock, a cycle an hour, the universe cut to `symbols` (the replay's), state and log
    /// in the folder, health and metrics on free ports; `editPolicy` changes the policy text.
    init(ibkrExample port: Int, symbols: [String], editPolicy: (inout String) -> Void = { _ in }) throws {
        folder = NSTemporaryDirectory() + "trader-live-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let example = SharedData.packageRoot + "/config/examples/ibkr/"
        func edited(_ name: String, _ replacements: [(String, String)]) throws -> String {
            var text = try String(contentsOfFile: example + name, encoding: .utf8)
            for (shipped, replacement) in replacements {
                precondition(text.contains(shipped), "the example \(name) no longer says \(shipped)")
                text = text.replacingOccurrences(of: shipped, with: replacement)
            }
            return text
        }
        let app = try edited("app.yaml", [
            ("file: var/log/trader.log", "file: \(folder)/trader.log"), ("path: var/state/ibkr.sqlite", "path: \(folder)/state/trader.sqlite"),
            ("port: 8080", "port: 0"), ("port: 9090", "port: 0"), ("interval_seconds: 60 ", "interval_seconds: 3600 "),
            ("port: 4002 ", "port: \(port)\n  follow_gateway_clock: true\n  messages_per_second: 50\n  #"),
        ])
        var policy = try edited("policy.yaml", [("bar_minutes: 60", "bar_minutes: 0")])
        editPolicy(&policy)
        let listed = symbols.map { "\($0)-USD" }.joined(separator: ", ")
        let universe = try edited("universe.yaml", [
            ("symbols: [SPY-USD, QQQ-USD, IWM-USD]", "symbols: [\(listed)]"), ("symbols: [AAPL-USD, MSFT-USD, NVDA-USD, AMZN-USD]", "symbols: []"),
            ("index: [SPY-USD, QQQ-USD, IWM-USD]", "index: [\(listed)]"), ("technology: [AAPL-USD, MSFT-USD, NVDA-USD, AMZN-USD]", "technology: []"),
        ])
        for (name, text) in [("app.yaml", app), ("policy.yaml", policy), ("universe.yaml", universe)] {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        program = "trader-live"
        process = Process()
    }

    /// Starts trader-live on the folder's configuration with `arguments`, with `environment` added
    /// to the test's (less its `TRADER_` variables).
    func start(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: URL(fileURLWithPath: Self.binary).deletingLastPathComponent().appendingPathComponent(program).path)
        process.arguments = ["--config", folder] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: SharedData.packageRoot)
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRADER_") }.merging(environment) { $1 }
        let standardOutput = Pipe()
        let standardError = Pipe()
        process.standardOutput = standardOutput
        process.standardError = standardError
        standardOutput.fileHandleForReading.readabilityHandler = { [self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self.output.withLock { $0.standardOutput += text }
        }
        standardError.fileHandleForReading.readabilityHandler = { [self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            self.output.withLock { $0.standardError += text }
        }
        try process.run()
    }

    /// Runs trader-live to its end and returns its status, without holding a thread while it runs
    /// (a session would otherwise take one of the test process's few cooperative threads, and
    /// starve the tests that share them).
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Int32 {
        try start(arguments, environment: environment)
        return await waitForExit()
    }

    /// Waits for the process to end, polling so that no thread is held, then reads what is left of
    /// its output; returns its status.
    func waitForExit() async -> Int32 {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
        process.waitUntilExit()
        for pipe in [process.standardOutput, process.standardError].compactMap({ $0 as? Pipe }) {
            pipe.fileHandleForReading.readabilityHandler = nil
            let rest = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            output.withLock { pipe === process.standardOutput as? Pipe ? ($0.standardOutput += rest) : ($0.standardError += rest) }
        }
        return process.terminationStatus
    }

    /// Waits until standard output has a line starting with `prefix` and returns the line; `nil`
    /// when the process ends first.
    func waitForLine(startingWith prefix: String) async throws -> String? {
        while true {
            if let line = standardOutput.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line) }
            guard process.isRunning else { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Whether the process is still running.
    var isRunning: Bool { process.isRunning }

    /// Sends `signal` to the process.
    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    var standardOutput: String { output.withLock { $0.standardOutput } }
    var standardError: String { output.withLock { $0.standardError } }

    /// The session summary printed with `--format json`.
    func summary() throws -> [String: Any] {
        let text = standardOutput
        guard let start = text.firstIndex(of: "{") else { return [:] }
        return try JSONSerialization.jsonObject(with: Data(text[start...].utf8)) as? [String: Any] ?? [:]
    }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
