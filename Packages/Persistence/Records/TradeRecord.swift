import TraderCore

/// A finished round trip in the trade log, with the attribution reports and backtest-vs-live
/// comparisons need.
public struct TradeRecord: Hashable, Sendable {
    /// The symbol.
    public let symbol: Symbol
    /// The signal that opened it.
    public let signal: String
    /// The regime at entry.
    public let regime: String
    /// The universe tier, if any.
    public let tier: String?
    /// The quantity traded.
    public let quantity: Quantity
    /// Entry time and average price.
    public let entryAt: Timestamp
    public let entryPrice: Price
    /// Exit time and average price.
    public let exitAt: Timestamp
    public let exitPrice: Price
    /// Fees paid, both legs.
    public let fees: FixedPoint
    /// Slippage against mid at decision time, both legs.
    public let slippage: FixedPoint
    /// The price move captured.
    public let edge: FixedPoint
    /// NAV before entry and after exit.
    public let navBefore: FixedPoint
    public let navAfter: FixedPoint

    /// Creates a record.
    public init(
        symbol: Symbol, signal: String, regime: String, tier: String?, quantity: Quantity, entryAt: Timestamp, entryPrice: Price,
        exitAt: Timestamp, exitPrice: Price, fees: FixedPoint, slippage: FixedPoint, edge: FixedPoint, navBefore: FixedPoint,
        navAfter: FixedPoint
    ) {
        self.symbol = symbol
        self.signal = signal
        self.regime = regime
        self.tier = tier
        self.quantity = quantity
        self.entryAt = entryAt
        self.entryPrice = entryPrice
        self.exitAt = exitAt
        self.exitPrice = exitPrice
        self.fees = fees
        self.slippage = slippage
        self.edge = edge
        self.navBefore = navBefore
        self.navAfter = navAfter
    }
}
