import TraderCore

/// What a backtest run produced.
public struct BacktestResult: Sendable {
    /// Bars replayed (over all symbols).
    public var bars = 0
    /// Every fill, in time order, with its order's side.
    public var fills: [(symbol: Symbol, side: OrderSide, fill: Fill)] = []
    /// Round trips: sells that left a position flat.
    public var roundTrips = 0
    /// Orders the venue rejected.
    public var rejectedOrders = 0
    /// Fees paid.
    public var feesPaid: FixedPoint = .zero
    /// Cash plus every position at its last close.
    public var finalEquity: FixedPoint = .zero
    /// The last bar's close time.
    public var end: Timestamp?
}
