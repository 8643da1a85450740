import ArgumentParser
import Backtest
import CoinbaseSimulator
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import IBKRSimulator
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import TraderCore

/// Coinbase Advanced Trade on 127.0.0.1, replaying real candles: for paper trading, demos, the
/// adapter's tests and other people's tools (Coinbase's own SDK works against it unchanged).
@main
struct ExchangeSim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exchange-sim",
        abstract: "Serve Coinbase Advanced Trade's REST API, or IB Gateway's TWS socket protocol, on 127.0.0.1 over a replay of real candles.",
        discussion: """
            Private endpoints need a JWT signed by a key of --keys (the SDK's key-file JSON; a file that does not \
            exist is created with a new key, mode 0600). Bar times are shifted by a whole number of bars so that \
            the replay's present is the wall clock's present. Control endpoints: POST /_sim/faults, DELETE \
            /_sim/faults, POST /_sim/products/{id}, POST /_sim/advance (with --step), GET /_sim/state.
            With --venue ibkr it speaks the TWS API socket protocol (server version 178) as IB Gateway does, for \
            ib_async and trader-live's ibkr venue: --data takes stocks (SPY=FILE), options are priced by Black-Scholes \
            at --volatility, and --cash is the account's USD.
            Exit status: 0 stopped by a signal or the end of the data, 2 usage, data or key error.
            """)

    @Option(help: "The venue served: coinbase (REST on HTTP) or ibkr (the TWS socket protocol).")
    var venue: SimulatedVenue = .coinbase

    @Option(help: "ibkr: the volatility options are priced at (Black-Scholes).")
    var volatility = 0.2

    @Option(help: "ibkr: the bars' length in seconds, when the files' first step is not it (the hourly files open with a 30-minute bar).")
    var barSeconds: Int?

    @Option(name: .customLong("data"), help: "A product and its candles, SYMBOL=FILE (repeatable).")
    var data: [String]

    @Option(help: "The port on 127.0.0.1 (0: a free one, printed).")
    var port = 0

    @Flag(help: "Serve HTTPS with a self-signed certificate for 127.0.0.1 and localhost (or --tls-cert/--tls-key).")
    var https = false

    @Option(help: "A PEM certificate to serve with --https.")
    var tlsCert: String?

    @Option(help: "The PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(help: "Where the generated certificate is written, for clients to trust.")
    var certOut = "var/exchange-sim/cert.pem"

    @Option(help: "Replay this many times faster than the wall clock.")
    var speed = 1

    @Flag(help: "Replay only when told (POST /_sim/advance).")
    var step = false

    @Option(help: "The API key file (the SDK's JSON: one key or an array of keys).")
    var keys = "var/exchange-sim/key.json"

    @Option(name: .customLong("fault"), help: "A fault, as key=value pairs: kind=status,status=503,path=/api/v3/brokerage/orders,count=2 (repeatable).")
    var faults: [String] = []

    @Option(parsing: .upToNextOption, help: "Starting cash: AMOUNT CURRENCY (repeatable pairs).")
    var cash: [String] = ["100000", "USD"]

    @Option(help: "Bars closed before serving, so candles and quotes exist at once.")
    var warmup = 300

    @Option(help: "Private and public requests a second before 429 (Coinbase: 30,10); 'none' for no limit.")
    var rateLimit = "30,10"

    /// Parses and runs, mapping argument errors to exit status 2 (ArgumentParser's own is 64).
    static func main() async {
        // Swift concurrency on NIO's event loops: a request's handler then runs on the thread its
        // connection lives on, instead of hopping to the cooperative pool and back (each hop a
        // thread wake-up, most of a loopback request's cost).
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        do {
            guard let command = try parseAsRoot() as? ExchangeSim else { return }
            try command.validate()
            try await command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            exit(withError: ExitCode(2))
        }
    }

    func validate() throws {
        guard !data.isEmpty else { throw ValidationError("give at least one --data SYMBOL=FILE") }
        guard speed >= 1 else { throw ValidationError("--speed must be 1 or more") }
        guard cash.count % 2 == 0 else { throw ValidationError("--cash takes AMOUNT CURRENCY pairs") }
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together") }
        guard venue == .coinbase || (!https && !step) else { throw ValidationError("--https and --step are Coinbase's (--venue coinbase)") }
        guard volatility > 0 && volatility < 5 else { throw ValidationError("--volatility must be above 0 and below 5 (500 %)") }
        guard barSeconds.map({ $0 >= 60 && 86_400 % $0 == 0 }) ?? true else { throw ValidationError("--bar-seconds must be a divisor of a day, at least 60") }
    }

    func run() async throws {
        do {
            switch venue {
            case .coinbase: try await serve()
            case .ibkr: try await serveIBKR()
            }
        } catch let error as SimulatorError {
            FileHandle.standardError.write(Data("exchange-sim: \(error)\n".utf8))
            throw ExitCode(2)
        } catch let error as IBKRSimulatorError {
            FileHandle.standardError.write(Data("exchange-sim: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func serve() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "exchange-sim")
        logger.logLevel = .info
        let sources = try data.map(Self.source)
        let (exchange, clock) = try await SimulatorMarket.make(
            sources: sources, cash: try Self.balances(cash), warmupBars: warmup, wallNow: SystemClock().now(), logger: logger)
        let keyFile = try KeyFile.loadOrCreate(at: keys)
        let (privateRate, publicRate) = try Self.rates(rateLimit)
        let pace = step ? nil : ReplayPace(replayStart: clock.now(), wallStart: SystemClock().now(), speed: speed)
        if let pace { await exchange.run(at: pace) }
        let simulator = CoinbaseSimulator(
            exchange: exchange, keys: keyFile.keys, privateRate: privateRate, publicRate: publicRate, stepClock: step ? clock : nil, pace: pace,
            logger: logger)
        for text in faults { await simulator.inject(try Fault(parsing: text)) }
        let server = try https ? HTTPServerBuilder.tls(.http1(), tlsConfiguration: try tlsConfiguration()) : .http1()
        let scheme = https ? "https" : "http"
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await simulator.run(port: port, server: server) { bound in
                    let products = sources.map(\.symbol.description).joined(separator: ",")
                    Self.say("exchange-sim listening on \(scheme)://127.0.0.1:\(bound) keys=\(keyFile.path) products=\(products)")
                }
            }
            if let pace {
                group.addTask { try await SimulatorMarket.replay(exchange, clock: clock, pace: pace, wallClock: SystemClock()) }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// The TLS configuration: the given certificate and key, or a new self-signed pair written to `--cert-out`.
    private func tlsConfiguration() throws -> TLSConfiguration {
        let pair: (certificate: String, key: String)
        if let tlsCert, let tlsKey {
            guard let certificate = try? String(contentsOfFile: tlsCert, encoding: .utf8), let key = try? String(contentsOfFile: tlsKey, encoding: .utf8) else {
                throw SimulatorError(.invalidKey, "--tls-cert \(tlsCert) or --tls-key \(tlsKey) cannot be read")
            }
            pair = (certificate, key)
        } else {
            pair = try SelfSignedCertificate.make()
            try FileManager.default.createDirectory(atPath: (certOut as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try pair.certificate.write(toFile: certOut, atomically: true, encoding: .utf8)
            Self.say("exchange-sim certificate written to \(certOut)")
        }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(pair.certificate.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(pair.key.utf8), format: .pem)))
    }

    /// A line on standard output, unbuffered (tests and scripts wait for the listening line).
    static func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    /// A `SYMBOL=FILE` argument; a stock's symbol alone (`SPY`) is its pair in USD.
    static func source(_ text: String) throws -> HistoricalFeed.Source {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let stock = parts.first.flatMap { Symbol.isAssetCode($0) ? Symbol(base: $0, quote: "USD") : nil }
        guard parts.count == 2, let symbol = Symbol(canonical: parts[0]) ?? stock else {
            throw ValidationError("--data \(text): expected SYMBOL=FILE, such as BTC-USD=data/coinbase_btcusd_1h.csv")
        }
        return HistoricalFeed.Source(symbol: symbol, path: parts[1])
    }

    /// `AMOUNT CURRENCY` pairs.
    static func balances(_ words: [String]) throws -> [Currency: FixedPoint] {
        var balances: [Currency: FixedPoint] = [:]
        for index in stride(from: 0, to: words.count, by: 2) {
            guard let amount = FixedPoint(words[index]), !amount.isNegative, let currency = Currency(words[index + 1]) else {
                throw ValidationError("--cash \(words[index]) \(words[index + 1]): expected an amount and a currency code, such as 100000 USD")
            }
            balances[currency] = amount
        }
        return balances
    }

    /// `PRIVATE,PUBLIC` requests a second, or `none`.
    static func rates(_ text: String) throws -> (Double?, Double?) {
        if text == "none" { return (nil, nil) }
        let parts = text.split(separator: ",").compactMap { Double($0) }
        guard parts.count == 2, parts.allSatisfy({ $0 > 0 }) else { throw ValidationError("--rate-limit \(text): expected PRIVATE,PUBLIC such as 30,10, or none") }
        return (parts[0], parts[1])
    }
}
