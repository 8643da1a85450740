import Backtest
import Logging
import TraderCore

/// IB Gateway's state and answers over a ``PaperVenue`` replaying real US equity bars: the
/// account and its positions, the orders of every connected client (brackets and OCA groups
/// included), executions with IBKR Pro's commissions, stock contracts and a chain of weekly
/// options on each (priced by ``OptionPricer``), historical bars, market data, and injected faults.
///
/// Every message to a client goes through that client's ordered outbound stream, so a reply and a
/// pushed update never overtake each other. The server (``IBKRSimulator``) frames the bytes, does
/// the handshake and hands each request to ``handle(_:from:)``.
public actor SimulatedGateway {
    /// The venue whose replay is the underlying market.
    public nonisolated let venue: PaperVenue
    /// The replay's clock: the gateway's present is the close of the last bar processed.
    public nonisolated let clock: ManualClock
    /// The simulated account's id.
    public nonisolated let account: String
    let pricer: OptionPricer
    let eastern: EasternTime
    let logger: Logger

    /// A connected client: its id and its outbound stream, and what it subscribed to.
    struct Client {
        let clientID: Int
        let output: AsyncStream<[String]>.Continuation
        var positionsSubscribed = false
        var accountSubscribed = false
        /// Market data subscriptions: request id → contract.
        var marketData: [Int: GatewayContract] = [:]
    }

    var clients: [Int: Client] = [:]
    var nextConnection = 0

    /// Orders by (client id, order id), as IB keys them.
    var orders: [OrderKey: GatewayOrder] = [:]
    /// The order ids of each OCA group (and of each bracket's children, under their parent's id).
    var groups: [String: [OrderKey]] = [:]
    /// The id NEXT_VALID_ID gives next.
    var nextValidID = 1
    var nextPermID: Int
    var executionCount = 0
    let executionNamespace: String
    var executions: [GatewayExecution] = []

    /// Cash in USD.
    var cash: FixedPoint
    /// Positions by contract id.
    var positions: [Int: Holding] = [:]
    var realizedPNL: FixedPoint = .zero
    /// The close of the last bar processed, by underlying symbol.
    var lastCloses: [String: Candle] = [:]
    /// The stock contracts listed: one per replayed symbol.
    let stocks: [String: GatewayContract]

    /// The faults to come.
    var faults = GatewayFaults()
    /// Orders whose acknowledgement is being lost (a fault).
    var silenced: Set<OrderKey> = []
    /// The most of a bar's volume an order fills on it (and at arrival, of the last bar's); `nil`: all of it.
    let participationRate: FixedPoint?

    /// A position: the contract, the signed quantity and the average cost per unit.
    struct Holding {
        let contract: GatewayContract
        var quantity: FixedPoint
        var averagePrice: FixedPoint
    }

    /// Order keys as IB has them: ids are per client.
    struct OrderKey: Hashable, Sendable {
        let clientID: Int
        let orderID: Int
    }

    /// A gateway over `venue` (already warmed up), with `cash` USD in `account`, pricing options at
    /// `volatility`, its first permanent id `permIDBase` (give each run its own, as IB's never repeat),
    /// filling at most `participationRate` of a bar's volume an order (`nil`: whole orders).
    ///
    /// - Throws: ``IBKRSimulatorError`` `invalid_market` when the system lacks New York's time zone.
    public init(
        venue: PaperVenue, clock: ManualClock, account: String = "DU1234567", cash: FixedPoint = FixedPoint(100_000), volatility: Double = 0.2,
        permIDBase: Int = 1_000_000, participationRate: FixedPoint? = nil, logger: Logger = Logger(label: "trader.ibkr-sim", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(IBKRSimulatorError) {
        self.venue = venue
        self.clock = clock
        self.account = account
        self.cash = cash
        pricer = OptionPricer(volatility: volatility)
        eastern = try EasternTime()
        nextPermID = permIDBase
        self.participationRate = participationRate
        executionNamespace = String(permIDBase, radix: 16)
        self.logger = logger
        let products = (try? await venue.allProducts()) ?? []
        stocks = Dictionary(uniqueKeysWithValues: products.map { ($0.symbol.base, GatewayContract.stock($0.symbol.base)) })
        for (symbol, _) in stocks {
            if let bar = try? await venue.candles(for: Self.venueSymbol(symbol), interval: .seconds(venue.interval.seconds), in: Self.allTime).last {
                lastCloses[symbol] = bar
            }
        }
    }

    /// Every instant the replay can hold.
    static let allTime = Timestamp(nanosecondsSinceEpoch: 0)..<Timestamp(nanosecondsSinceEpoch: .max)

    /// The venue's pair for a stock symbol: `SPY` → `SPY-USD`.
    static func venueSymbol(_ stock: String) -> Symbol { Symbol(base: stock, quote: "USD") }

    // MARK: Connections

    /// Registers a client that finished the handshake, and greets it as TWS does: MANAGED_ACCTS,
    /// NEXT_VALID_ID, then the data farms' status notices.
    ///
    /// - Returns: the connection's number, or `nil` when `clientID` is already connected (the
    ///   client is sent error 326, and the server closes the socket).
    func connect(clientID: Int, output: AsyncStream<[String]>.Continuation) -> Int? {
        guard !clients.values.contains(where: { $0.clientID == clientID }) else {
            output.yield(ServerMessage.error(-1, code: 326, "Unable to connect as the client id is already in use. Retry with a unique client id."))
            return nil
        }
        nextConnection += 1
        clients[nextConnection] = Client(clientID: clientID, output: output)
        output.yield(ServerMessage.managedAccounts([account]))
        output.yield(ServerMessage.nextValidID(nextValidID))
        output.yield(ServerMessage.error(-1, code: 2104, "Market data farm connection is OK:usfarm"))
        output.yield(ServerMessage.error(-1, code: 2106, "HMDS data farm connection is OK:ushmds"))
        output.yield(ServerMessage.error(-1, code: 2158, "Sec-def data farm connection is OK:secdefnj"))
        return nextConnection
    }

    /// Forgets a client whose socket closed (its orders stay working, as at IB).
    func disconnect(_ connection: Int) {
        clients[connection]?.output.finish()
        clients[connection] = nil
    }

    /// How many clients are connected.
    public var connectedClients: Int { clients.count }

    /// Sends `message` to one connection.
    func send(_ message: [String], to connection: Int) { clients[connection]?.output.yield(message) }

    /// Sends `message` to every connection of `clientID`.
    func send(_ message: [String], toClient clientID: Int) {
        for client in clients.values where client.clientID == clientID { client.output.yield(message) }
    }

    /// The present, on the replay's clock.
    var now: Timestamp { clock.now() }
}
