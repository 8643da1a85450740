import YAMLConfig

/// `policy.yaml` `options`: the options bot's risk per trade, exits, trading window and the whale
/// signal's debounce.
public struct OptionsPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The regular trading session in exchange-local time.
    public struct TradingHours: Hashable, Sendable, Codable {
        /// Session open, `HH:MM`.
        public var open: TimeOfDay
        /// Session close, `HH:MM`; after ``open``.
        public var close: TimeOfDay
        /// The exchange's time zone (IANA name).
        public var timeZone: TimeZoneName
    }

    /// Equity risked per trade, %: contracts = floor(equity × pct / (premium × stop_loss_pct)).
    public var maxRiskPct: Double
    /// Premium lost, %, at which a position is closed.
    public var stopLossPct: Double
    /// Premium gained, %, at which a position is closed.
    public var takeProfitPct: Double
    /// When new positions may be opened.
    public var regularTradingHours: TradingHours
    /// Days the whale signal stays quiet per symbol after it fires.
    public var whaleDebounceDays: Int

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "max_risk_pct": .range(0...100), "stop_loss_pct": .greaterThan(0, atMost: 100), "take_profit_pct": .greaterThan(0, atMost: 10_000),
        "whale_debounce_days": .range(0...365),
    ]
}
