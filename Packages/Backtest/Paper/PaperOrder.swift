import TraderCore

/// What the ``PaperVenue`` remembers of one order, for lookups, open-order reports and fills: the
/// venue's own record, as a real venue keeps one beside its matching engine.
struct PaperOrder: Sendable {
    /// The order as placed.
    let order: Order
    /// The id the venue gave it.
    let venueOrderID: VenueOrderID
    /// The venue's state of it.
    var status: Order.Status
    /// Its fills, oldest first.
    var fills: [Fill] = []
    /// Why it was rejected, cancelled or expired.
    var reason: String?
    /// When the venue last changed it.
    var time: Timestamp

    /// The quantity filled so far.
    var filledQuantity: Quantity {
        Quantity(FixedPoint(raw: fills.reduce(0) { $0 + $1.quantity.value.raw }))
    }

    /// The venue's report of it.
    var report: VenueOrderReport {
        VenueOrderReport(
            clientOrderID: order.clientOrderID, venueOrderID: venueOrderID, symbol: order.symbol, side: order.side,
            status: status, filledQuantity: filledQuantity, averagePrice: averagePrice, fills: fills, reason: reason, time: time)
    }

    /// The fills' quantity-weighted average price, to the price's precision; `nil` before a fill.
    private var averagePrice: Price? {
        guard !fills.isEmpty else { return nil }
        var notional = FixedPoint.zero
        for fill in fills {
            guard let value = try? fill.price.notional(of: fill.quantity, rounding: .toNearestOrEven),
                let sum = try? notional.adding(value)
            else { return nil }
            notional = sum
        }
        return (try? notional.divided(by: filledQuantity.value, rounding: .toNearestOrEven)).map(Price.init)
    }
}
