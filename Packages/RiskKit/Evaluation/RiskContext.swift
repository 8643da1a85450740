import TraderCore

/// What is known at the moment of one evaluation, gathered by the shell (backtest or live): the
/// time, market data, product rules, venue health and the switches. RiskKit does no I/O itself.
public struct RiskContext: Sendable {
    /// Now, from the shell's ``TradingClock``.
    public var now: Timestamp
    /// The state the operator set.
    public var tradingState: TradingState
    /// Whether the kill switch is engaged (see ``KillSwitch``).
    public var killSwitchEngaged: Bool
    /// Prices to value positions at (usually quote mids).
    public var marks: SymbolMap<Price>
    /// Latest quotes.
    public var quotes: SymbolMap<Quote>
    /// Latest order-book snapshots.
    public var books: SymbolMap<BookSnapshot>
    /// Product rules and statuses.
    public var products: [Symbol: ProductRules]
    /// The theme of each symbol that has one.
    public var themes: ThemeMap
    /// The universe tier of each tiered symbol, with the tiers' caps.
    public var tiers: TierMap
    /// Venue requests, failures and rate-limit answers in the breaker window.
    public var venueHealth: VenueHealth
    /// Whether the market is in a crash regime.
    public var isCrashRegime: Bool
    /// Buy fills the venue reported that the portfolio's balances do not show yet, as notional by
    /// symbol; counted as exposure so that a lagging balance never frees room under a cap.
    public var unreflectedBuys: [Symbol: FixedPoint]
    /// The options the options bot would buy now, by underlying (empty for the spot bot).
    public var optionBoards: [Symbol: OptionBoard]

    /// Creates a context; the optional parts default to "nothing known", which fails closed where
    /// it matters (no quote, no rules, no book: no entry).
    public init(
        now: Timestamp, tradingState: TradingState = .active, killSwitchEngaged: Bool = false, marks: SymbolMap<Price>,
        quotes: SymbolMap<Quote>, books: SymbolMap<BookSnapshot> = [:], products: [Symbol: ProductRules],
        themes: ThemeMap = ThemeMap(), tiers: TierMap = TierMap(), venueHealth: VenueHealth = VenueHealth(), isCrashRegime: Bool = false,
        unreflectedBuys: [Symbol: FixedPoint] = [:], optionBoards: [Symbol: OptionBoard] = [:]
    ) {
        self.now = now
        self.tradingState = tradingState
        self.killSwitchEngaged = killSwitchEngaged
        self.marks = marks
        self.quotes = quotes
        self.books = books
        self.products = products
        self.themes = themes
        self.tiers = tiers
        self.venueHealth = venueHealth
        self.isCrashRegime = isCrashRegime
        self.unreflectedBuys = unreflectedBuys
        self.optionBoards = optionBoards
    }
}
