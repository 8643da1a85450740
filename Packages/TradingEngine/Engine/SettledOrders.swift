import TraderCore

/// The last orders the engine handed out as settled, oldest first out: venues report fills after
/// a cancel or an expiry, and such a fill must book against the order it belongs to, once per
/// trade id. Bounded, so that a long run's memory stays flat.
struct SettledOrders: Sendable {
    /// How many settled orders are kept.
    static let capacity = 1_024

    private var orders: [ClientOrderID: Order] = [:]
    private var arrival: [ClientOrderID] = []
    private var oldest = 0

    /// Keeps `order` (replacing an earlier copy of the same id), forgetting the oldest past capacity.
    mutating func keep(_ order: Order) {
        if orders.updateValue(order, forKey: order.clientOrderID) != nil { return }
        if arrival.count < Self.capacity {
            arrival.append(order.clientOrderID)
        } else {
            orders[arrival[oldest]] = nil
            arrival[oldest] = order.clientOrderID
            oldest = (oldest + 1) % Self.capacity
        }
    }

    /// The order kept under `id`, if any.
    func order(_ id: ClientOrderID) -> Order? {
        orders[id]
    }
}
