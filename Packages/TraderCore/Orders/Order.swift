/// An order and its life: what was asked, what the venue did, and every state it passed through.
///
/// State changes only through ``apply(_:at:)``, which follows ``Order/Status``'s transition table
/// and returns a typed error for an illegal event, leaving the order untouched.
public struct Order: Hashable, Sendable, Codable {
    /// How the order is priced.
    public enum Kind: Hashable, Sendable, Codable {
        /// A limit order; `postOnly` refuses to take liquidity.
        case limit(price: Price, postOnly: Bool)
        /// A market order (taker).
        case market
    }

    /// One step of the order's history.
    public struct Transition: Hashable, Sendable, Codable {
        /// The state before.
        public let from: Status
        /// The state after (may equal `from`, as for a partial fill while a cancel is pending).
        public let to: Status
        /// The event that caused it.
        public let event: Event
        /// When it was applied.
        public let time: Timestamp
    }

    /// The deterministic id of the intent.
    public let clientOrderID: ClientOrderID
    /// What is traded.
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// Limit or market.
    public let kind: Kind
    /// The quantity ordered.
    public let quantity: Quantity

    /// The current state.
    public private(set) var status: Status = .new
    /// The venue's id, once it has accepted the order.
    public private(set) var venueOrderID: VenueOrderID?
    /// The quantity filled so far.
    public private(set) var filledQuantity: Quantity = .zero
    /// Every transition, oldest first.
    public private(set) var history: [Transition] = []

    /// The fills so far, in the order they arrived: read from the history, which holds each one
    /// (keeping them twice would cost an allocation per order).
    public var fills: [Fill] {
        history.compactMap { if case .fill(let fill) = $0.event { fill } else { nil } }
    }

    /// Creates a new order that has not been sent.
    ///
    /// - Precondition: `quantity` is above zero.
    public init(clientOrderID: ClientOrderID, symbol: Symbol, side: OrderSide, kind: Kind, quantity: Quantity) {
        precondition(!quantity.isZero, "an order has a positive quantity")
        self.clientOrderID = clientOrderID
        self.symbol = symbol
        self.side = side
        self.kind = kind
        self.quantity = quantity
    }

    /// The quantity not yet filled.
    public var remainingQuantity: Quantity { quantity.subtracting(filledQuantity) ?? .zero }

    /// Applies a venue or system event.
    ///
    /// - Throws: ``OrderTransitionError``: `illegal_transition` when the table has no move for this
    ///   state and event, `overfill` when a fill exceeds the remaining quantity, `duplicate_fill`
    ///   for a trade id already applied. The order is unchanged when it throws.
    public mutating func apply(_ event: Event, at time: Timestamp) throws(OrderTransitionError) {
        record(event, leadingTo: try status(after: event), at: time)
    }

    /// The state `event` would move the order to, without moving it.
    ///
    /// - Throws: what ``apply(_:at:)`` throws for the event.
    public func status(after event: Event) throws(OrderTransitionError) -> Status {
        var filledAfter = filledQuantity
        if case .fill(let fill) = event {
            guard !hasFill(fill.tradeID) else {
                throw OrderTransitionError(.duplicateFill, order: clientOrderID, from: status, event: event.kind)
            }
            guard fill.quantity <= remainingQuantity else {
                throw OrderTransitionError(.overfill, order: clientOrderID, from: status, event: event.kind)
            }
            filledAfter = Quantity(FixedPoint(raw: filledQuantity.value.raw + fill.quantity.value.raw))
        }
        guard let next = status.next(on: event.kind, complete: filledAfter == quantity, partial: !filledAfter.isZero)
        else {
            throw OrderTransitionError(.illegalTransition, order: clientOrderID, from: status, event: event.kind)
        }
        return next
    }

    /// Whether a fill with `tradeID` was applied.
    private func hasFill(_ tradeID: TradeID) -> Bool {
        history.contains { if case .fill(let fill) = $0.event { fill.tradeID == tradeID } else { false } }
    }

    /// Moves the order to `next` on `event`: for a caller that checked the event with
    /// ``status(after:)`` first, and changed other state in between.
    ///
    /// - Precondition: `next` is what `status(after: event)` returns for the order as it is.
    package mutating func record(_ event: Event, leadingTo next: Status, at time: Timestamp) {
        switch event {
        case .accept(let venueOrderID): self.venueOrderID = venueOrderID
        case .fill(let fill):
            filledQuantity = Quantity(FixedPoint(raw: filledQuantity.value.raw + fill.quantity.value.raw))
        default: break
        }
        // Room for the usual life (submit, accept, fill, and a cancel or a second fill) at once:
        // appending one by one would move the history to a larger buffer at each step.
        if history.isEmpty { history.reserveCapacity(4) }
        history.append(Transition(from: status, to: next, event: event, time: time))
        status = next
    }
}
