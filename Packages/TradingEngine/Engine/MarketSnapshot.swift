import TraderCore

/// What the shell knows at one decision instant: the time, the bars that just closed and the
/// latest quotes. The engine does no I/O; backtest and live build snapshots from their sources (a
/// shell that decides on every bar keeps one snapshot and refills its maps in place).
public struct MarketSnapshot: Sendable {
    /// The decision instant (a bar's close, when candles drive the cycle).
    public var time: Timestamp
    /// The bars that closed at ``time``, by symbol.
    public var candles: SymbolMap<Candle>
    /// The latest order-book snapshots, by symbol (the liquidity check measures depth on them).
    public var books: SymbolMap<BookSnapshot>
    /// The venue's product listings, when the shell refreshed them for this cycle (discovery runs
    /// on them); `nil` otherwise.
    public var listings: [ProductListing]?
    /// Product rules the venue changed since the last snapshot (a product now `cancel_only`, a new
    /// tick size): the engine trades by them from this cycle on. Usually empty.
    public var productUpdates: [ProductRules]
    /// The option chains of the underlyings the options bot trades (empty for the spot bot): the
    /// engine picks its contracts from them with ``OptionPicker``.
    public var optionChains: [Symbol: OptionChain] = [:]
    /// The latest option quotes: at least the contracts ``OptionPicker`` picks now and those held
    /// or being bought (their marks, and the emulated brackets' prices).
    public var optionQuotes: [OptionContract: Quote] = [:]
    /// Whether the operator's kill switch is engaged (the shell reads it each cycle): risk then
    /// approves nothing new.
    public var killSwitchEngaged: Bool
    /// The latest quotes, by symbol.
    // perf: declared last. A shell that sets a quote right before the step stores this field
    // alone, and the step's copy of the snapshot then reads it alone too (a wider read across a
    // field just stored waits for that store to reach the cache).
    public var quotes: SymbolMap<Quote>

    /// Creates a snapshot.
    public init(
        time: Timestamp, candles: SymbolMap<Candle>, quotes: SymbolMap<Quote>, books: SymbolMap<BookSnapshot> = [:],
        listings: [ProductListing]? = nil, productUpdates: [ProductRules] = [], killSwitchEngaged: Bool = false
    ) {
        self.killSwitchEngaged = killSwitchEngaged
        self.time = time
        self.candles = candles
        self.quotes = quotes
        self.books = books
        self.listings = listings
        self.productUpdates = productUpdates
    }
}
