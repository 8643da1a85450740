/// Orders at a venue: place, cancel, look up by client order id, list open orders, fetch fills.
///
/// Implementations must be idempotent by client order id: placing an id the venue already has
/// returns that order, never a second one.
public protocol OrderGateway: Sendable {
    /// Places a new order.
    ///
    /// - Returns: the venue's id for the order.
    /// - Throws: ``VenueError``; when ``VenueError/isAmbiguous`` the order may exist and must be
    ///   looked up, not re-sent.
    func place(_ order: Order) async throws -> VenueOrderID

    /// Asks the venue to cancel an order.
    ///
    /// - Throws: ``VenueError`` (`not_found` when the venue does not know it, `rejected` when it is
    ///   already done).
    func cancel(_ clientOrderID: ClientOrderID) async throws

    /// The venue's view of an order; `nil` when the venue never received it.
    ///
    /// - Throws: ``VenueError``.
    func order(withClientOrderID clientOrderID: ClientOrderID) async throws -> VenueOrderReport?

    /// Every order working at the venue.
    ///
    /// - Throws: ``VenueError``.
    func openOrders() async throws -> [VenueOrderReport]

    /// Fills executed at or after `time`, oldest first.
    ///
    /// - Throws: ``VenueError``.
    func fills(since time: Timestamp) async throws -> [VenueFillReport]
}

/// The venue's view of one order.
public struct VenueOrderReport: Hashable, Sendable {
    /// Our id.
    public let clientOrderID: ClientOrderID
    /// The venue's id.
    public let venueOrderID: VenueOrderID
    /// The state the venue reports, mapped to ours.
    public let status: Order.Status
    /// What the venue says is filled.
    public let filledQuantity: Quantity

    /// Creates a report.
    public init(clientOrderID: ClientOrderID, venueOrderID: VenueOrderID, status: Order.Status, filledQuantity: Quantity) {
        self.clientOrderID = clientOrderID
        self.venueOrderID = venueOrderID
        self.status = status
        self.filledQuantity = filledQuantity
    }
}

/// One fill as the venue reports it, with the order it belongs to.
public struct VenueFillReport: Hashable, Sendable {
    /// Our id of the order.
    public let clientOrderID: ClientOrderID
    /// Buy or sell.
    public let side: OrderSide
    /// The execution.
    public let fill: Fill

    /// Creates a report.
    public init(clientOrderID: ClientOrderID, side: OrderSide, fill: Fill) {
        self.clientOrderID = clientOrderID
        self.side = side
        self.fill = fill
    }
}
