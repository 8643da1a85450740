import TraderCore

/// An order the engine decided to send, committed before it may be sent: after a crash, every
/// intent without a final status names a client order id that may exist at the venue and must be
/// looked up there, never sent again.
public struct IntentRecord: Hashable, Sendable {
    /// The deterministic id the order is sent under.
    public let clientOrderID: ClientOrderID
    /// What to trade: a spot pair or an option contract.
    public let instrument: Instrument
    /// The pair, or the option's underlying.
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// Limit (with price and post-only) or market.
    public let kind: Order.Kind
    /// How much.
    public let quantity: Quantity
    /// How long it works at the venue.
    public let timeInForce: Order.TimeInForce
    /// The engine cycle that decided it.
    public let cycleID: String
    /// When it was decided.
    public let decidedAt: Timestamp
    /// The decision behind it, when it carries out a proposal (`nil` for an order stored before
    /// origins were kept).
    public let origin: OrderOrigin?

    /// Creates an intent for a spot pair, good till cancelled unless told otherwise.
    public init(
        clientOrderID: ClientOrderID, symbol: Symbol, side: OrderSide, kind: Order.Kind, quantity: Quantity, cycleID: String,
        decidedAt: Timestamp, timeInForce: Order.TimeInForce = .goodTillCancelled, origin: OrderOrigin? = nil
    ) {
        self.init(
            clientOrderID: clientOrderID, instrument: .spot(symbol), side: side, kind: kind, quantity: quantity, timeInForce: timeInForce,
            cycleID: cycleID, decidedAt: decidedAt, origin: origin)
    }

    /// Creates an intent in any instrument.
    public init(
        clientOrderID: ClientOrderID, instrument: Instrument, side: OrderSide, kind: Order.Kind, quantity: Quantity,
        timeInForce: Order.TimeInForce, cycleID: String, decidedAt: Timestamp, origin: OrderOrigin? = nil
    ) {
        self.clientOrderID = clientOrderID
        self.instrument = instrument
        symbol = instrument.underlying
        self.side = side
        self.kind = kind
        self.quantity = quantity
        self.timeInForce = timeInForce
        self.cycleID = cycleID
        self.decidedAt = decidedAt
        self.origin = origin
    }

    /// The intent to send `order`, decided in cycle `cycleID` at `decidedAt` for `origin`.
    public init(_ order: Order, cycleID: String, decidedAt: Timestamp, origin: OrderOrigin? = nil) {
        self.init(
            clientOrderID: order.clientOrderID, instrument: order.instrument, side: order.side, kind: order.kind, quantity: order.quantity,
            timeInForce: order.timeInForce, cycleID: cycleID, decidedAt: decidedAt, origin: origin)
    }
}

/// One step of an order's life, as its state machine took it: kept in full so that every order's
/// history can be replayed and explained.
public struct OrderTransitionRecord: Hashable, Sendable {
    /// The order.
    public let clientOrderID: ClientOrderID
    /// The status before.
    public let from: Order.Status
    /// The status after.
    public let to: Order.Status
    /// The event's name (`submit`, `accept`, `fill`, ...).
    public let event: String
    /// Why, when the event carries a reason (a rejection, an ambiguous submit).
    public let reason: String?
    /// The venue's id, once known.
    public let venueOrderID: VenueOrderID?
    /// When.
    public let at: Timestamp

    /// Creates a record.
    public init(
        clientOrderID: ClientOrderID, from: Order.Status, to: Order.Status, event: String, reason: String? = nil,
        venueOrderID: VenueOrderID? = nil, at: Timestamp
    ) {
        self.clientOrderID = clientOrderID
        self.from = from
        self.to = to
        self.event = event
        self.reason = reason
        self.venueOrderID = venueOrderID
        self.at = at
    }
}

/// An order as the store knows it: the intent, the latest status and the venue's id.
public struct StoredOrder: Hashable, Sendable {
    /// The intent it was sent under.
    public let intent: IntentRecord
    /// The latest status.
    public let status: Order.Status
    /// The venue's id, once known.
    public let venueOrderID: VenueOrderID?
    /// When the status last changed.
    public let updatedAt: Timestamp
}
