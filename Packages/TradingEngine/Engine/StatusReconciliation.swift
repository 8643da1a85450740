import TraderCore

/// Turns the venue's whole view of an order (a lookup, an open-orders report) into the events the
/// engine has not yet seen: its acceptance, the fills it lacks by trade id, and its final state.
enum StatusReconciliation {
    /// The events that bring `order` to what `report` says, in the order they happened.
    ///
    /// - Throws: ``EngineError`` `inconsistent_report` when the report's filled quantity is not
    ///   what its fills add up to beside the ones already booked (a venue that reports a filled
    ///   size without the fills behind it: the fills must be fetched, never invented), or when the
    ///   report is for another symbol or side.
    static func events(bringing order: Order, to report: VenueOrderReport) throws(EngineError) -> [Order.Event] {
        guard report.symbol == order.symbol, report.side == order.side else {
            throw EngineError(
                .inconsistentReport,
                "venue reports \(order.clientOrderID) as \(report.side) \(report.symbol); the order is \(order.side) \(order.symbol)")
        }
        var events: [Order.Event] = []
        if report.status == .rejected {
            if order.status == .submitted || order.status == .unknown {
                events.append(.reject(reason: report.reason ?? "rejected by the venue"))
            }
            return events
        }
        if order.status == .submitted || order.status == .unknown { events.append(.accept(report.venueOrderID)) }
        let booked = Set(order.fills.map(\.tradeID))
        var filled = order.filledQuantity.value.raw
        for fill in report.fills where !booked.contains(fill.tradeID) {
            events.append(.fill(fill))
            filled += fill.quantity.value.raw
        }
        guard filled == report.filledQuantity.value.raw else {
            throw EngineError(
                .inconsistentReport,
                "venue reports \(order.clientOrderID) filled \(report.filledQuantity), but its fills and the ones booked add up to \(Quantity(FixedPoint(raw: filled)))")
        }
        switch report.status {
        case .cancelled where !order.status.isTerminal: events.append(.cancel)
        case .expired where !order.status.isTerminal: events.append(.expire)
        default: break
        }
        return events
    }
}
