import CoinbaseAdapter
import CoinbaseSimulator
import Crypto
import CurlHTTP
import Foundation
import TraderCore
import TraderTestKit

/// exchange-sim's simulator in this process, on a free port of 127.0.0.1, replaying real Coinbase
/// BTC-USD hourly bars (shared data) in step mode, with one API key, and a ``CoinbaseAdapter``
/// pointed at it over real HTTP: 100,000 USD, at most 0.1 % of a bar's volume filled, two bars closed.
struct SimulatorHarness: Sendable {
    static let btc = Symbol(base: "BTC", quote: "USD")
    static let keyName = "organizations/trader-tests/apiKeys/simulator"

    let simulator: CoinbaseSimulator
    let clock: ManualClock
    let adapter: CoinbaseAdapter
    /// The adapter's configuration, for another adapter to the same simulator.
    let configuration: CoinbaseConfiguration
    let credentials: CoinbaseCredentials
    let port: Int
    let http = HTTPClient()

    /// Runs `body` with a fresh simulator serving, and stops it after; without Coinbase's rate
    /// limits at the simulator and the adapter's budgets when not `limitingRates` (long runs).
    static func with(
        requestTimeout: Duration = .seconds(10), limitingRates: Bool = true, _ body: (SimulatorHarness) async throws -> Void
    ) async throws {
        let key = P256.Signing.PrivateKey()
        let keys = try SimulatorKeys([(keyName, key.pemRepresentation)])
        let (exchange, clock) = try await SimulatorMarket.make(
            sources: [.init(symbol: btc, path: try SharedData.path("data/coinbase_btcusd_1h.csv"))], cash: [.usd: FixedPoint(100_000)],
            warmupBars: 2, participationRate: FixedPoint("0.001"), wallNow: SystemClock().now())
        let simulator = CoinbaseSimulator(
            exchange: exchange, keys: keys, privateRate: limitingRates ? 30 : nil, publicRate: limitingRates ? 10 : nil, stepClock: clock)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task { try await simulator.run { continuation.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw HarnessProblem.notListening }
        let credentials = try CoinbaseCredentials(keyName: keyName, pem: key.pemRepresentation)
        var configuration = CoinbaseConfiguration(
            baseURL: "http://127.0.0.1:\(port)", credentials: credentials, baseBackoff: .milliseconds(20), maxBackoff: .milliseconds(100),
            requestTimeout: requestTimeout, eventPollInterval: .milliseconds(100))
        if !limitingRates {
            configuration.privateRate = (1_000_000, 1_000_000)
            configuration.publicRate = (1_000_000, 1_000_000)
        }
        let adapter = CoinbaseAdapter(configuration: configuration)
        let harness = SimulatorHarness(
            simulator: simulator, clock: clock, adapter: adapter, configuration: configuration, credentials: credentials, port: port)
        do {
            try await body(harness)
        } catch {
            server.cancel()
            _ = await server.result
            throw error
        }
        server.cancel()
        _ = await server.result
    }

    /// `GET /_sim/state`, as JSON.
    func state() async throws -> [String: Any] {
        let response = try await http.send(HTTPRequest(url: "http://127.0.0.1:\(port)/_sim/state"))
        guard let object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else { throw HarnessProblem.badState }
        return object
    }

    /// The orders the simulator holds.
    func ordersHeld() async throws -> [[String: Any]] { try await state()["orders"] as? [[String: Any]] ?? [] }

    /// A request with a token of `credentials` for `path`, minted as the adapter does unless `token` is given.
    func send(_ path: String, method: String = "GET", token: String? = nil) async throws -> HTTPResponse {
        let bearer = token ?? CoinbaseJWT.token(for: credentials, method: method, host: "127.0.0.1:\(port)", path: path, now: SystemClock().now())
        return try await http.send(HTTPRequest(method: method, url: "http://127.0.0.1:\(port)\(path)", headers: [("Authorization", "Bearer \(bearer)")]))
    }

    enum HarnessProblem: Error { case notListening, badState, noQuote }
}
