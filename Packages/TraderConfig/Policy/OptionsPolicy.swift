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

    /// Where the bracket's exits live.
    public enum Brackets: String, CaseIterable, Hashable, Sendable, Codable {
        /// At the venue, placed with the entry, where the venue places brackets (IB); the engine
        /// emulates them elsewhere.
        case native
        /// Always emulated: the engine sends each exit when the option's mid crosses its level.
        case emulated
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
    /// Whether the bot trades options on its symbols (the options bot); off (the default), the
    /// rules trade the symbols themselves and this section is not read.
    public var enabled: Bool?
    /// The fewest calendar days to an expiry the bot buys (default 1: never one that expires today).
    public var minDaysToExpiry: Int?
    /// The most calendar days to an expiry the bot buys (default 9: this week's or next week's).
    public var maxDaysToExpiry: Int?
    /// Strikes out of the money from the one nearest the underlying's price (default 0: at the money).
    public var strikeOffset: Int?
    /// The least size, in contracts, an option's ask must show for an entry (default 1).
    public var minAskSize: Int?
    /// Where the exits live (default `native`).
    public var brackets: Brackets?

    /// Whether the options bot is on.
    public var isEnabled: Bool { enabled ?? false }

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "max_risk_pct": .range(0...100), "stop_loss_pct": .greaterThan(0, atMost: 100), "take_profit_pct": .greaterThan(0, atMost: 10_000),
        "whale_debounce_days": .range(0...365), "min_days_to_expiry": .range(0...366), "max_days_to_expiry": .range(0...366),
        "strike_offset": .range(0...50), "min_ask_size": .range(0...100_000),
    ]
}
