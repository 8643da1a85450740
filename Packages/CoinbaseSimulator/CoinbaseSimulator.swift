import Hummingbird
import HummingbirdCore
import Logging
import TraderCore

/// Coinbase Advanced Trade on loopback: the REST API under `/api/v3/brokerage` with Coinbase's
/// paths, query parameters, JSON shapes, error bodies and status codes, its JWT checks, its rate
/// limits, and injected faults; over a ``SimulatedCoinbase`` replaying real candles. Control
/// endpoints under `/_sim` (a path Coinbase does not use) add faults, change product status, step
/// the replay and report what the simulator holds and served.
///
/// It listens on 127.0.0.1 only. HTTP by default; give ``run(port:server:onRunning:)`` a TLS
/// server builder (exchange-sim's `--https`) to serve HTTPS.
public struct CoinbaseSimulator: Sendable {
    /// The exchange the requests reach.
    public let exchange: SimulatedCoinbase
    let verifier: TokenVerifier
    let faults = FaultPlan()
    let ledger: RequestLedger
    /// The replay's clock in step mode (advanced by `POST /_sim/advance`); `nil` when it runs on its own.
    let stepClock: ManualClock?
    /// The wall clock tokens and `GET /time` are read on.
    let wallClock: any TradingClock
    /// The replay's pace when it runs on its own (`GET /_sim/clock`); `nil` in step mode.
    let pace: ReplayPace?
    let logger: Logger

    /// The largest request body read.
    static let maxBodyBytes = 1 << 20

    /// A simulator of `exchange` accepting tokens of `keys`, limiting private and public requests
    /// to `privateRate` and `publicRate` a second (`nil`: no limit; Coinbase's are 30 and 10),
    /// stepping `stepClock` when given, or replaying at `pace`.
    public init(
        exchange: SimulatedCoinbase, keys: SimulatorKeys, privateRate: Double? = 30, publicRate: Double? = 10,
        stepClock: ManualClock? = nil, pace: ReplayPace? = nil, wallClock: any TradingClock = SystemClock(),
        logger: Logger = Logger(label: "trader.exchange-sim", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.exchange = exchange
        verifier = TokenVerifier(keys: keys, leewaySeconds: 30)
        ledger = RequestLedger(privateRate: privateRate, publicRate: publicRate)
        self.stepClock = stepClock
        self.pace = pace
        self.wallClock = wallClock
        self.logger = logger
    }

    /// Adds a fault for the requests to come (as `POST /_sim/faults` does).
    public func inject(_ fault: Fault) async { faults.add(fault) }

    /// Serves on 127.0.0.1:`port` (0: a free port) until the task is cancelled or the process
    /// is signalled; `onRunning` gets the port once it listens.
    ///
    /// - Throws: what the server throws when it cannot bind or fails.
    public func run(port: Int = 0, server: HTTPServerBuilder = .http1(), onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let application = Application(
            router: router(), server: server, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "exchange-sim"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
        try await application.runService()
    }
}
