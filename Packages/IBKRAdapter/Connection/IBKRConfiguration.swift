import TraderCore

/// Where and how IBKRAdapter connects: the gateway's address, the client id, the products it
/// trades, its message budget, timeouts and reconnect backoff, and where order ids come from.
public struct IBKRConfiguration: Sendable {
    /// The gateway's host: 127.0.0.1 (IB Gateway and TWS accept local connections).
    public var host: String
    /// The gateway's port: 4001 live and 4002 paper for IB Gateway, 7496 and 7497 for TWS.
    public var port: Int
    /// This client's id; unique among the gateway's connected clients.
    public var clientID: Int
    /// The account traded; `nil` for the first the gateway manages.
    public var account: String?
    /// The stocks (`SPY-USD`: the symbol and its currency) the adapter lists as products.
    public var products: [Symbol]
    /// Where order ids come from: a reservation that survives restarts (the state store's), so
    /// that an id is never used twice, whatever the gateway's next valid id says.
    public var orderIDs: any OrderIDReservation
    /// Messages a second, at most (IB allows 50; ib_async sends 45).
    public var messagesPerSecond: Int
    /// How long a request (or an order's acknowledgement) is waited for.
    public var requestTimeout: Duration
    /// The first reconnect's wait, doubled each failed attempt up to ``maxBackoff``.
    public var baseBackoff: Duration
    /// The longest wait between reconnects.
    public var maxBackoff: Duration
    /// The clock quotes are stamped with.
    public var clock: any TradingClock

    /// A configuration with IB's usual budgets: 45 messages a second, 10 s requests, reconnects
    /// from 0.25 s up to 30 s.
    public init(
        host: String = "127.0.0.1", port: Int, clientID: Int, account: String? = nil, products: [Symbol], orderIDs: any OrderIDReservation,
        messagesPerSecond: Int = 45, requestTimeout: Duration = .seconds(10), baseBackoff: Duration = .milliseconds(250),
        maxBackoff: Duration = .seconds(30), clock: any TradingClock = SystemClock()
    ) {
        self.host = host
        self.port = port
        self.clientID = clientID
        self.account = account
        self.products = products
        self.orderIDs = orderIDs
        self.messagesPerSecond = messagesPerSecond
        self.requestTimeout = requestTimeout
        self.baseBackoff = baseBackoff
        self.maxBackoff = maxBackoff
        self.clock = clock
    }
}

/// The source of IB order ids: each id handed out once, ever, and at least the gateway's next
/// valid id. An implementation persists its high-water mark before it returns an id (the state
/// store's reservation), so a restarted process or a gateway whose id state rolled back never
/// reuses one.
public protocol OrderIDReservation: Sendable {
    /// A new order id, at least `minimum`.
    ///
    /// - Throws: ``VenueError`` `not_sent` when no id can be reserved (the store is unavailable).
    func reserveOrderID(atLeast minimum: Int) async throws(VenueError) -> Int
}
