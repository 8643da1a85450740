import TraderCore

/// One thing the (simulated) venue reports about an order.
public struct VenueReport: Hashable, Sendable {
    /// The order.
    public let clientOrderID: ClientOrderID
    /// What happened to it.
    public let event: Order.Event
    /// When.
    public let time: Timestamp
}
