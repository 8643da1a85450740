import TraderCore

/// Where and how the adapter talks to Coinbase.
public struct CoinbaseConfiguration: Sendable {
    /// The REST base URL: `https://api.coinbase.com`, or a simulator's (`https://127.0.0.1:8443`).
    public var baseURL: String
    /// The key; `nil` for public calls only.
    public var credentials: CoinbaseCredentials?
    /// Private requests a second, sustained, and the burst allowed.
    public var privateRate: (perSecond: Double, burst: Double)
    /// Public requests a second, sustained, and the burst allowed.
    public var publicRate: (perSecond: Double, burst: Double)
    /// Attempts of a request that may be repeated (reads, and writes that were not sent), first included.
    public var maxAttempts: Int
    /// The first backoff; each next one doubles, up to ``maxBackoff``, with full jitter.
    public var baseBackoff: Duration
    /// The longest backoff.
    public var maxBackoff: Duration
    /// A CA file to trust (a simulator's certificate); `nil` for the system's.
    public var caFile: String?
    /// How long one request may take, sending to last byte, before its outcome is unknown.
    public var requestTimeout: Duration
    /// How long ``CoinbaseAdapter/currentRules(for:)`` reuses a product's rules.
    public var productRefreshInterval: Duration
    /// How often ``CoinbaseAdapter/events()`` asks Coinbase what changed.
    public var eventPollInterval: Duration
    /// How far before the previous poll an event poll lists new orders: more than this clock's
    /// largest skew from Coinbase's (orders carry Coinbase's creation time).
    public var eventLookback: Duration
    /// Called after every attempt of every request with how it ended, for the venue-health
    /// breakers (a runtime records it in RiskKit's `VenueHealthWindow`).
    public var observeCall: (@Sendable (_ request: String, _ outcome: VenueCallOutcome, _ time: Timestamp) -> Void)?

    /// Coinbase's published budgets (private 30/s, public 10/s) kept under: 10/s private with
    /// bursts of 30, 5/s public with bursts of 10; four attempts from 250 ms backoff up to 5 s;
    /// order events polled every second (two private requests a poll, more only for changed orders);
    /// product rules read again every 5 minutes.
    public init(
        baseURL: String = "https://api.coinbase.com", credentials: CoinbaseCredentials? = nil,
        privateRate: (perSecond: Double, burst: Double) = (10, 30), publicRate: (perSecond: Double, burst: Double) = (5, 10),
        maxAttempts: Int = 4, baseBackoff: Duration = .milliseconds(250), maxBackoff: Duration = .seconds(5), caFile: String? = nil,
        requestTimeout: Duration = .seconds(10), eventPollInterval: Duration = .seconds(1), eventLookback: Duration = .seconds(60),
        productRefreshInterval: Duration = .seconds(300),
        observeCall: (@Sendable (_ request: String, _ outcome: VenueCallOutcome, _ time: Timestamp) -> Void)? = nil
    ) {
        self.observeCall = observeCall
        self.baseURL = baseURL
        self.credentials = credentials
        self.privateRate = privateRate
        self.publicRate = publicRate
        self.maxAttempts = maxAttempts
        self.baseBackoff = baseBackoff
        self.maxBackoff = maxBackoff
        self.caFile = caFile
        self.requestTimeout = requestTimeout
        self.eventPollInterval = eventPollInterval
        self.eventLookback = eventLookback
        self.productRefreshInterval = productRefreshInterval
    }

    /// The host (and port) the token's `uri` names: the base URL without its scheme or path.
    var host: String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { $0 != "/" })
    }
}
