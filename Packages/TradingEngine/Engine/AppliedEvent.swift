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
    public var fills: [Fill] {
        guard let firstFill else { return [] }
        return [firstFill] + laterFills
    }
    /// perf: the first fill is kept apart, so that booking a single fill (most events) allocates
    /// no array.
    private let firstFill: Fill?
    private let laterFills: [Fill]
    /// What those fills realized, net of fees, in the quote currency (zero without fills).
    public let realized: FixedPoint
    /// The symbol's position after the fills; `nil` when the event booked none.
    public let position: Position?

    /// Whether the event changed anything (a status report the engine already knew changes nothing).
    public var changedAnything: Bool { status != previousStatus || firstFill != nil }

    init(
        clientOrderID: ClientOrderID, symbol: Symbol, previousStatus: Order.Status, status: Order.Status, fills: ArraySlice<Fill>,
        realized: FixedPoint, position: Position?
    ) {
        self.clientOrderID = clientOrderID
        self.symbol = symbol
        self.previousStatus = previousStatus
        self.status = status
        firstFill = fills.first
        laterFills = fills.isEmpty ? [] : Array(fills.dropFirst())
        self.realized = realized
        self.position = position
    }

    init(clientOrderID: ClientOrderID, symbol: Symbol, previousStatus: Order.Status, status: Order.Status, fill: Fill?, realized: FixedPoint, position: Position?) {
        self.clientOrderID = clientOrderID
        self.symbol = symbol
        self.previousStatus = previousStatus
        self.status = status
        firstFill = fill
        laterFills = []
        self.realized = realized
        self.position = position
    }
}
