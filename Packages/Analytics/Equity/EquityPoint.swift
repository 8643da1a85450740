import TraderCore

/// One point of an equity curve: net asset value at an instant, and whether anything was held.
public struct EquityPoint: Hashable, Sendable {
    /// The instant (a bar's close in a backtest).
    public let time: Timestamp
    /// Cash plus positions at their marks.
    public let equity: FixedPoint
    /// Whether any position was open.
    public let exposed: Bool

    /// Creates a point.
    public init(time: Timestamp, equity: FixedPoint, exposed: Bool) {
        self.time = time
        self.equity = equity
        self.exposed = exposed
    }
}
