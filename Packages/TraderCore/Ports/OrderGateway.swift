/// Orders at a venue: place, cancel, look up, list open orders, fetch fills, and the push stream
/// of what happens to them.
///
/// Implementations must be idempotent by client order id: placing an id the venue already has
/// returns that order's acknowledgement, never a second order.
public protocol OrderGateway: Sendable {
    /// Places a new order.
    ///
    /// - Returns: the venue's acknowledgement, which may be ``PlaceAcknowledgement/pending`` (the
    ///   venue answers on ``events()``, as IB does).
    /// - Throws: ``VenueError``; `rejected` when the venue refused the order; when
    ///   ``VenueError/isAmbiguous`` the order may exist and must be looked up, not re-sent.
    func place(_ order: Order) async throws(VenueError) -> PlaceAcknowledgement

    /// Asks the venue to cancel an order; the cancellation itself arrives as an event (or a lookup).
    ///
    /// - Throws: ``VenueError`` (`not_found` when the venue does not know it, `rejected` when it is
    ///   already done).
    func cancel(_ order: OrderReference) async throws(VenueError)

    /// The venue's view of an order, with its fills; `nil` when the venue never received it.
    ///
    /// - Throws: ``VenueError``.
    func order(_ order: OrderReference) async throws(VenueError) -> VenueOrderReport?

    /// Every order working at the venue, each with its fills.
    ///
    /// - Throws: ``VenueError``.
    func openOrders() async throws(VenueError) -> [VenueOrderReport]

    /// Fills executed at or after `time`, oldest first.
    ///
    /// - Throws: ``VenueError``.
    func fills(since time: Timestamp) async throws(VenueError) -> [VenueFillReport]

    /// What happens to orders, as the venue pushes it, from the moment of the call.
    ///
    /// The resynchronization rule: a ``VenueUpdate/gap(since:reason:)`` says events after its time
    /// may have been lost (a dropped connection, a sequence gap). The consumer then looks up each of
    /// its working orders with ``order(_:)`` and applies the reports, and applies
    /// ``fills(since:)`` from the gap's time: the engine books each fill once by trade id, so an
    /// event seen twice is harmless and one missed is recovered.
    func events() -> AsyncStream<VenueUpdate>
}

/// What a venue's event stream carries.
public enum VenueUpdate: Hashable, Sendable {
    /// Something happened to an order.
    case event(VenueEvent)
    /// Events after `since` may have been lost; resynchronize (see ``OrderGateway/events()``).
    case gap(since: Timestamp, reason: String)
}

/// A venue's answer to a placement.
public enum PlaceAcknowledgement: Hashable, Sendable {
    /// The venue took the order under this id.
    case accepted(VenueOrderID)
    /// The venue took the request and will answer on its event stream.
    case pending
}

/// An order as a venue call names it: by our id, and by the venue's when known (some venues cancel
/// only by their own id).
public struct OrderReference: Hashable, Sendable, CustomStringConvertible {
    /// Our id.
    public let clientOrderID: ClientOrderID
    /// The venue's id, once it gave one.
    public let venueOrderID: VenueOrderID?

    /// Creates a reference.
    public init(_ clientOrderID: ClientOrderID, venueOrderID: VenueOrderID? = nil) {
        self.clientOrderID = clientOrderID
        self.venueOrderID = venueOrderID
    }

    /// The reference to `order`, with its venue id when it has one.
    public init(_ order: Order) {
        self.init(order.clientOrderID, venueOrderID: order.venueOrderID)
    }

    public var description: String { clientOrderID.rawValue + (venueOrderID.map { " (\($0))" } ?? "") }
}

/// The venue's view of one order: enough to settle an unknown submit, to resynchronize after a
/// gap, and to book fills reported after a cancel.
public struct VenueOrderReport: Hashable, Sendable {
    /// Our id.
    public let clientOrderID: ClientOrderID
    /// The venue's id.
    public let venueOrderID: VenueOrderID
    /// What is traded.
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// The state the venue reports, mapped to ours.
    public let status: Order.Status
    /// What the venue says is filled.
    public let filledQuantity: Quantity
    /// The average price of the fills; `nil` when nothing filled.
    public let averagePrice: Price?
    /// Every fill of the order, oldest first.
    public let fills: [Fill]
    /// The venue's reason for a rejection, cancellation or expiry, when it gave one.
    public let reason: String?
    /// When the venue last changed the order.
    public let time: Timestamp

    /// Creates a report.
    public init(
        clientOrderID: ClientOrderID, venueOrderID: VenueOrderID, symbol: Symbol, side: OrderSide, status: Order.Status,
        filledQuantity: Quantity, averagePrice: Price?, fills: [Fill], reason: String?, time: Timestamp
    ) {
        self.clientOrderID = clientOrderID
        self.venueOrderID = venueOrderID
        self.symbol = symbol
        self.side = side
        self.status = status
        self.filledQuantity = filledQuantity
        self.averagePrice = averagePrice
        self.fills = fills
        self.reason = reason
        self.time = time
    }

    /// The reference to the order.
    public var reference: OrderReference { OrderReference(clientOrderID, venueOrderID: venueOrderID) }
}

/// One fill as the venue reports it, with the order it belongs to.
public struct VenueFillReport: Hashable, Sendable {
    /// Our id of the order.
    public let clientOrderID: ClientOrderID
    /// What was traded.
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// The execution.
    public let fill: Fill

    /// Creates a report.
    public init(clientOrderID: ClientOrderID, symbol: Symbol, side: OrderSide, fill: Fill) {
        self.clientOrderID = clientOrderID
        self.symbol = symbol
        self.side = side
        self.fill = fill
    }

    /// The fill as an event for its order.
    public var event: VenueEvent { VenueEvent(clientOrderID: clientOrderID, change: .filled(fill), time: fill.time) }
}
