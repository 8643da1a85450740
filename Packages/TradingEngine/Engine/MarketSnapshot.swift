import TraderCore

/// What the shell knows at one decision instant: the time, the bars that just closed and the
/// latest quotes. The engine does no I/O; backtest and live build snapshots from their sources.
public struct MarketSnapshot: Sendable {
    /// The decision instant (a bar's close, when candles drive the cycle).
    public var time: Timestamp
    /// The bars that closed at ``time``, by symbol.
    public var candles: [Symbol: Candle]
    /// The latest quotes, by symbol.
    public var quotes: [Symbol: Quote]
    /// The latest order-book snapshots, by symbol (the liquidity check measures depth on them).
    public var books: [Symbol: BookSnapshot]

    /// Creates a snapshot.
    public init(time: Timestamp, candles: [Symbol: Candle], quotes: [Symbol: Quote], books: [Symbol: BookSnapshot] = [:]) {
        self.time = time
        self.candles = candles
        self.quotes = quotes
        self.books = books
    }
}
