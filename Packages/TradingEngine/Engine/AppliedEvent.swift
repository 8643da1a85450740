import TraderCore

/// What booking one venue event changed, for the shell to persist as it is, without diffing the
/// portfolio: the order's state, the fills booked, what they realized and the position after them.
public struct AppliedEvent: Hashable, Sendable {
    /// The order.
    public let clientOrderID: ClientOrderID
    /// What it trades.
    public let symbol: Symbol
    /// Its state before the event.
    public let previousStatus: Order.Status
    /// Its state after the event (a terminal one means ``TradingEngine/removeSettledOrder(_:)``
    /// will hand the order over).
    public let status: Order.Status
    /// The fills the event booked, oldest first (a status report may carry several; a fill seen
    /// before is not among them).
    public let fills: [Fill]
    /// What those fills realized, net of fees, in the quote currency (zero without fills).
    public let realized: FixedPoint
    /// The symbol's position after the fills; `nil` when the event booked none.
    public let position: Position?

    /// Whether the event changed anything (a status report the engine already knew changes nothing).
    public var changedAnything: Bool { status != previousStatus || !fills.isEmpty }
}
