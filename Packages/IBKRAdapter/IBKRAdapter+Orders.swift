import TraderCore

extension IBKRAdapter: OrderGateway {
    /// Places an order: a LMT (post-only checked against the quote first: IB has no post-only on
    /// SMART), MKT or STP order with our client order id as orderRef and an IB order id from the
    /// reservation; returns once the gateway acknowledged it. Placing a client order id the adapter
    /// already placed returns that order.
    ///
    /// - Throws: ``VenueError``: `rejected` with the gateway's code (`201`, `103`, `110`, `200`) and
    ///   its kind; `not_sent` without a connection or while IB is unreachable (1100); `timeout`
    ///   (ambiguous: look the order up) when no acknowledgement came in time.
    public func place(_ order: Order) async throws(VenueError) -> PlaceAcknowledgement {
        if let id = orderIDs[order.clientOrderID] { return .accepted(VenueOrderID(String(id))) }
        guard link != nil, !connectivityLost else {
            throw VenueError(.notSent, message: connectivityLost ? "the gateway has lost its connection to IB (1100)" : "not connected to the gateway")
        }
        if case .limit(let price, postOnly: true) = order.kind { try await refuseIfCrossing(order, limit: price) }
        let id = try await configuration.orderIDs.reserveOrderID(atLeast: nextValidID)
        nextValidID = max(nextValidID, id + 1)
        let message = try placeOrderMessage(order, id: id)
        orders[id] = TrackedOrder(
            clientOrderID: order.clientOrderID, orderID: id, symbol: order.symbol, side: order.side, quantity: order.quantity, time: configuration.clock.now())
        orderIDs[order.clientOrderID] = id
        try await awaitSettlement(.acknowledgement(orderID: id)) { () throws(VenueError) in try send(message) }
        return .accepted(VenueOrderID(String(id)))
    }

    /// The PLACE_ORDER of `order` under IB order id `id`: LMT, MKT or STP (the trigger as
    /// `auxPrice`), our client order id as `orderRef`, transmitted, with no parent or group.
    ///
    /// - Throws: ``VenueError`` `rejected` for an instrument IB cannot trade here.
    func placeOrderMessage(_ order: Order, id: Int) throws(VenueError) -> PlaceOrder {
        var message = PlaceOrder()
        message.orderID = id
        message.contract = try Self.contract(for: order.instrument)
        message.action = order.side == .buy ? "BUY" : "SELL"
        message.totalQuantity = order.quantity.value
        message.orderRef = order.clientOrderID.rawValue
        message.account = link?.account ?? ""
        switch order.kind {
        case .market:
            message.orderType = "MKT"
        case .limit(let price, _):
            message.orderType = "LMT"
            message.limitPrice = price.value
        case .stop(let trigger):
            message.orderType = "STP"
            message.auxPrice = trigger.value
        }
        switch order.timeInForce {
        case .goodTillCancelled: message.timeInForce = "GTC"
        case .immediateOrCancel: message.timeInForce = "IOC"
        case .day: message.timeInForce = "DAY"
        case .goodTillDate(let time): (message.timeInForce, message.goodTillDate) = ("GTD", TWSTime.utc(time))
        }
        return message
    }

    /// Sends with `send` and waits until the gateway answers about the order (``settle(_:with:)``),
    /// at most the request timeout.
    ///
    /// - Throws: ``VenueError``: the answer's refusal, what `send` throws, or `timeout` (ambiguous).
    func awaitSettlement(_ settlement: Settlement, _ send: () throws(VenueError) -> Void) async throws(VenueError) {
        let timeout = configuration.requestTimeout
        let timer = Task { [weak self] in
            try await Task.sleep(for: timeout)
            await self?.settle(settlement, with: .failure(VenueError(.timeout, message: "no answer about \(settlement) within \(timeout)")))
        }
        defer { timer.cancel() }
        do {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                settlements[settlement] = continuation
                do throws(VenueError) {
                    try send()
                } catch {
                    settle(settlement, with: .failure(error))
                }
            }
        } catch let error as VenueError {
            throw error
        } catch {
            throw VenueError(.timeout, message: "\(error)")
        }
    }

    /// Answers the call waiting on `settlement`, if one is.
    func settle(_ settlement: Settlement, with result: Result<Void, VenueError>) {
        settlements.removeValue(forKey: settlement)?.resume(with: result.mapError { $0 as any Error })
    }

    private func refuseIfCrossing(_ order: Order, limit: Price) async throws(VenueError) {
        guard case .spot = order.instrument else { return }
        guard let quote = try await quotes(for: [order.symbol])[order.symbol] else {
            throw VenueError(.notSent, message: "post-only \(order.clientOrderID): no quote of \(order.symbol) to check it against")
        }
        let crosses = order.side == .buy ? limit >= quote.ask : limit <= quote.bid
        if crosses {
            throw VenueError(.rejected, venueReason: "post_only", message: "post-only \(order.side) at \(limit) would cross the quote \(quote.bid)/\(quote.ask)", rejection: .postOnlyWouldCross)
        }
    }

    /// Cancels a working order; returns once the gateway confirmed it.
    ///
    /// - Throws: ``VenueError`` `not_found` (10147, or an id the adapter never placed), `rejected`
    ///   (10148: already done), `timeout` when the gateway did not answer.
    public func cancel(_ reference: OrderReference) async throws(VenueError) {
        guard let id = orderIDs[reference.clientOrderID] ?? reference.venueOrderID.flatMap({ Int($0.rawValue) }), let order = orders[id] else {
            throw VenueError(.notFound, message: "cancel: \(reference) was not placed through this adapter")
        }
        guard !order.status.isTerminal else { throw VenueError(.rejected, message: "cancel: \(reference) is already \(order.status)") }
        try await awaitSettlement(.cancel(orderID: id)) { () throws(VenueError) in try send(CancelOrder(orderID: id)) }
    }

    /// The gateway's view of an order: from the adapter's record once it ended; otherwise looked up
    /// afresh in today's executions and the open orders (by orderRef, so an order of an earlier
    /// session is found too): a working order that is no longer open ended while the adapter was
    /// not listening, filled if its executions add up and cancelled otherwise. `nil` when the
    /// gateway never received it.
    ///
    /// - Throws: ``VenueError`` from the lookups.
    public func order(_ reference: OrderReference) async throws(VenueError) -> VenueOrderReport? {
        if let id = orderIDs[reference.clientOrderID], let order = orders[id], order.status.isTerminal {
            return order.report(symbol: order.symbol)
        }
        _ = try await fills(since: Timestamp(nanosecondsSinceEpoch: 0))
        _ = try await openOrders()
        guard let id = orderIDs[reference.clientOrderID], let order = orders[id], order.isAcknowledged || !order.executions.isEmpty else { return nil }
        return order.report(symbol: order.symbol)
    }

    /// This client's working orders (REQ_OPEN_ORDERS), each with its fills.
    ///
    /// - Throws: ``VenueError`` from the request.
    public func openOrders() async throws(VenueError) -> [VenueOrderReport] {
        let messages = try await request(RequestOpenOrders(), key: RequestKey.openOrders)
        var open: Set<Int> = []
        for fields in messages where fields.first == "5" {
            if let message = try? OpenOrder.decode(fields, serverVersion: serverVersion), orders[message.orderID] != nil { open.insert(message.orderID) }
        }
        // Acknowledged orders missing from the list ended unseen (during a gap): by their executions.
        for (id, order) in orders where order.isAcknowledged && !order.status.isTerminal && !open.contains(id) {
            update(id, ibStatus: order.filledQuantity >= order.quantity ? "Filled" : "Cancelled", reason: "ended while the adapter was not connected")
        }
        return open.sorted().compactMap { id in
            guard let order = orders[id], !order.status.isTerminal else { return nil }
            return order.report(symbol: order.symbol)
        }
    }

    /// Today's executions of this adapter's orders at or after `time` (REQ_EXECUTIONS: IB keeps a
    /// day), oldest first, each once its commission is known.
    ///
    /// - Throws: ``VenueError`` from the request.
    public func fills(since time: Timestamp) async throws(VenueError) -> [VenueFillReport] {
        let requestID = requestID()
        var message = RequestExecutions()
        message.requestID = requestID
        message.clientID = configuration.clientID
        _ = try await request(message, key: requestID, collectsCommissions: true)
        var reports: [VenueFillReport] = []
        for order in orders.values {
            for fill in order.fills where fill.time >= time {
                reports.append(VenueFillReport(clientOrderID: order.clientOrderID, symbol: order.symbol, side: order.side, fill: fill))
            }
        }
        return reports.sorted { ($0.fill.time, $0.fill.tradeID) < ($1.fill.time, $1.fill.tradeID) }
    }
}
