import YAMLConfig

/// `policy.yaml` `circuit_breakers`: stale data, venue errors and exchange health that stop new risk.
public struct CircuitBreakerPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// What to do while a product (or the whole exchange) is in a restricted state.
    public enum HealthAction: String, CaseIterable, Hashable, Sendable, Codable {
        /// Stop all new risk everywhere.
        case halt
        /// Refuse new entries in the affected product; exits stay allowed.
        case blockEntries = "block_entries"
        /// Trade as usual, within what the venue accepts.
        case allow
    }

    /// `exchange_health`: the action for each product status a venue reports.
    public struct ExchangeHealthRules: Hashable, Sendable, Codable {
        /// The product accepts cancels only.
        public var cancelOnly: HealthAction
        /// The product accepts limit orders only.
        public var limitOnly: HealthAction
        /// The product accepts post-only orders only.
        public var postOnly: HealthAction
        /// Trading in the product is disabled.
        public var disabled: HealthAction
        /// The venue is unreachable or reports itself offline.
        public var offline: HealthAction
    }

    /// A quote older than this many seconds counts as stale: no new risk on it.
    public var maxQuoteStalenessSeconds: Double
    /// The window over which API errors and rate-limit hits are counted, in seconds.
    public var apiErrorWindowSeconds: Int
    /// Failed requests in the window, % of requests, that trip the breaker.
    public var apiErrorRateThresholdPct: Double
    /// Rate-limit answers (HTTP 429) in the window that trip the breaker.
    public var maxRateLimitHits: Int
    /// Actions by product status.
    public var exchangeHealth: ExchangeHealthRules
    /// Whether the crash regime halts new entries.
    public var haltOnCrashRegime: Bool

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "max_quote_staleness_seconds": .greaterThan(0, atMost: 86_400), "api_error_window_seconds": .range(1...86_400),
        "api_error_rate_threshold_pct": .range(0...100), "max_rate_limit_hits": .range(0...10_000),
    ]
}
