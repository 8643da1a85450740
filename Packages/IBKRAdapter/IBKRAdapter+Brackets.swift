import TraderCore

extension IBKRAdapter: BracketOrderGateway {
    /// Places a bracket natively. With an entry, as IB's attached orders: the entry and the
    /// take-profit held (`transmit=0`), the stop-loss (`parentId` the entry's) transmitting all
    /// three; IB releases the exits when the entry fills and cancels one when the other fills.
    /// Without an entry, the take-profit and the stop-loss as an OCA group (`ocaType` 1: a fill
    /// cancels the other). Returns once the gateway acknowledged the first order. Each order is
    /// then an order of its own client order id: looked up, cancelled and reported on ``events()``
    /// like any other. Placing a bracket whose first order the adapter placed returns that order.
    ///
    /// - Throws: ``VenueError`` as ``place(_:)`` does.
    public func place(_ bracket: OrderBracket) async throws(VenueError) -> PlaceAcknowledgement {
        let orders = bracket.orders
        if let id = orderIDs[orders[0].clientOrderID] { return .accepted(VenueOrderID(String(id))) }
        guard link != nil, !connectivityLost else {
            throw VenueError(.notSent, message: connectivityLost ? "the gateway has lost its connection to IB (1100)" : "not connected to the gateway")
        }
        var ids: [Int] = []
        for _ in orders {
            let id = try await configuration.orderIDs.reserveOrderID(atLeast: max(nextValidID, (ids.last ?? 0) + 1))
            nextValidID = max(nextValidID, id + 1)
            ids.append(id)
        }
        var messages: [PlaceOrder] = []
        for (index, order) in orders.enumerated() {
            var message = try placeOrderMessage(order, id: ids[index])
            if bracket.entry != nil {
                message.transmit = index == orders.count - 1
                message.parentID = index == 0 ? 0 : ids[0]
            } else {
                (message.ocaGroup, message.ocaType) = ("oca-" + orders[0].clientOrderID.rawValue, 1)
            }
            messages.append(message)
        }
        let now = configuration.clock.now()
        for (index, order) in orders.enumerated() {
            self.orders[ids[index]] = TrackedOrder(
                clientOrderID: order.clientOrderID, orderID: ids[index], symbol: order.symbol, side: order.side, quantity: order.quantity, time: now)
            orderIDs[order.clientOrderID] = ids[index]
        }
        try await awaitSettlement(.acknowledgement(orderID: ids[0])) { () throws(VenueError) in
            for message in messages { try send(message) }
        }
        return .accepted(VenueOrderID(String(ids[0])))
    }
}
