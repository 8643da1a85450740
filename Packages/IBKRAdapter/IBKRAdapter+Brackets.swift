import TraderCore

/// A bracket as IB places it natively: a parent limit order, then a take-profit limit and a
/// stop-loss stop on the other side for the same quantity, one-cancels-other; the children work
/// once the parent fills. The children's client order ids are the parent's with `-tp` and `-sl`.
public struct IBKRBracket: Hashable, Sendable {
    /// The entry: a limit order.
    public let parent: Order
    /// The take-profit limit's price.
    public let takeProfit: Price
    /// The stop-loss stop's trigger price.
    public let stopLoss: Price
    /// The parent's limit price.
    public let entry: Price

    /// A bracket around `parent`.
    ///
    /// - Throws: ``VenueError`` `rejected` (`unsupported_order`) when the parent is not a limit
    ///   order, or the take-profit and stop are not on either side of its price (above and below
    ///   for a buy, the other way for a sell).
    public init(parent: Order, takeProfit: Price, stopLoss: Price) throws(VenueError) {
        guard case .limit(let price, _) = parent.kind else {
            throw VenueError(.rejected, message: "bracket \(parent.clientOrderID): the parent must be a limit order", rejection: .unsupportedOrder)
        }
        let ordered = parent.side == .buy ? stopLoss < price && price < takeProfit : takeProfit < price && price < stopLoss
        guard ordered else {
            throw VenueError(
                .rejected, message: "bracket \(parent.clientOrderID): take-profit \(takeProfit) and stop \(stopLoss) must lie either side of \(price)",
                rejection: .invalidPrice)
        }
        self.parent = parent
        self.takeProfit = takeProfit
        self.stopLoss = stopLoss
        entry = price
    }

    /// The take-profit's client order id.
    public var takeProfitID: ClientOrderID { ClientOrderID(parent.clientOrderID.rawValue + "-tp") }
    /// The stop-loss's client order id.
    public var stopLossID: ClientOrderID { ClientOrderID(parent.clientOrderID.rawValue + "-sl") }
}

extension IBKRAdapter {
    /// Places a native bracket: the parent and the take-profit held (`transmit=0`), the stop-loss
    /// transmitting all three; returns once the gateway acknowledged the parent. Each of the three
    /// is then an order of its own client order id: looked up, cancelled and reported on
    /// ``events()`` like any other. Placing a bracket whose parent the adapter placed returns that parent.
    ///
    /// - Throws: ``VenueError`` as ``place(_:)`` does.
    public func place(_ bracket: IBKRBracket) async throws(VenueError) -> PlaceAcknowledgement {
        let parent = bracket.parent
        if let id = orderIDs[parent.clientOrderID] { return .accepted(VenueOrderID(String(id))) }
        guard link != nil, !connectivityLost else { throw VenueError(.notSent, message: "not connected to the gateway (or IB is unreachable)") }
        let contract = try Self.contract(for: parent.instrument)
        let exit = parent.side == .buy ? "SELL" : "BUY"
        var ids: [Int] = []
        for _ in 0..<3 {
            let id = try await configuration.orderIDs.reserveOrderID(atLeast: max(nextValidID, (ids.last ?? 0) + 1))
            nextValidID = max(nextValidID, id + 1)
            ids.append(id)
        }
        func message(_ index: Int, _ type: String, action: String, limit: Price?, stop: Price?, reference: ClientOrderID) -> PlaceOrder {
            var message = PlaceOrder()
            message.orderID = ids[index]
            message.contract = contract
            message.action = action
            message.totalQuantity = parent.quantity.value
            message.orderType = type
            message.limitPrice = limit?.value
            message.auxPrice = stop?.value
            message.timeInForce = "GTC"
            message.account = link?.account ?? ""
            message.orderRef = reference.rawValue
            message.transmit = index == 2
            message.parentID = index == 0 ? 0 : ids[0]
            return message
        }
        let messages = [
            message(0, "LMT", action: parent.side == .buy ? "BUY" : "SELL", limit: bracket.entry, stop: nil, reference: parent.clientOrderID),
            message(1, "LMT", action: exit, limit: bracket.takeProfit, stop: nil, reference: bracket.takeProfitID),
            message(2, "STP", action: exit, limit: nil, stop: bracket.stopLoss, reference: bracket.stopLossID),
        ]
        let now = configuration.clock.now()
        for (index, reference) in [parent.clientOrderID, bracket.takeProfitID, bracket.stopLossID].enumerated() {
            orders[ids[index]] = TrackedOrder(
                clientOrderID: reference, orderID: ids[index], symbol: parent.symbol, side: index == 0 ? parent.side : (parent.side == .buy ? .sell : .buy),
                quantity: parent.quantity, time: now)
            orderIDs[reference] = ids[index]
        }
        try await awaitSettlement(.acknowledgement(orderID: ids[0])) { () throws(VenueError) in
            for message in messages { try send(message) }
        }
        return .accepted(VenueOrderID(String(ids[0])))
    }
}
