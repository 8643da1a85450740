import TraderCore

extension IBKRAdapter {
    /// The order an OPEN_ORDER names: a tracked one by id, or one of ours from an earlier session,
    /// recognised by its orderRef (our client order id) and this client's id.
    private func trackedID(orderID: Int, orderRef: String, clientID: Int, contract: TWSContract, action: String, quantity: FixedPoint) -> Int? {
        if orders[orderID]?.clientOrderID.rawValue == orderRef || (orders[orderID] != nil && orderRef.isEmpty) { return orderID }
        guard !orderRef.isEmpty, clientID == configuration.clientID, Symbol.isAssetCode(contract.symbol), Symbol.isAssetCode(contract.currency) else {
            return nil
        }
        let clientOrderID = ClientOrderID(orderRef)
        orders[orderID] = TrackedOrder(
            clientOrderID: clientOrderID, orderID: orderID, symbol: Symbol(base: contract.symbol, quote: contract.currency),
            side: action == "SELL" ? .sell : .buy, quantity: Quantity(FixedPoint(raw: abs(quantity.raw))), time: configuration.clock.now())
        orderIDs[clientOrderID] = orderID
        return orderID
    }

    func apply(_ open: OpenOrder) {
        guard let id = trackedID(orderID: open.orderID, orderRef: open.orderRef, clientID: open.clientID, contract: open.contract, action: open.action, quantity: open.totalQuantity) else {
            return
        }
        orders[id]?.permID = open.permID
        update(id, ibStatus: open.status, reason: open.warningText.isEmpty ? nil : open.warningText)
    }

    func apply(_ status: OrderStatus) {
        guard orders[status.orderID] != nil, status.clientID == configuration.clientID || status.clientID == 0 else { return }
        update(status.orderID, ibStatus: status.status, reason: nil)
    }

    /// Moves an order to IB's `ibStatus`, pushing what changed: its acceptance, its end.
    func update(_ id: Int, ibStatus: String, reason: String?) {
        guard var order = orders[id], order.ibStatus != ibStatus else { return }
        let before = order.status
        let wasAcknowledged = order.isAcknowledged
        order.ibStatus = ibStatus
        if let reason { order.reason = reason }
        order.time = configuration.clock.now()
        orders[id] = order
        let now = order.time
        if !wasAcknowledged {
            settle(.acknowledgement(orderID: id), with: .success(()))
            updates.yield(.event(VenueEvent(clientOrderID: order.clientOrderID, change: .accepted(VenueOrderID(String(id))), time: now)))
        }
        guard order.status != before else { return }
        switch order.status {
        case .cancelled:
            settle(.cancel(orderID: id), with: .success(()))
            updates.yield(.event(VenueEvent(clientOrderID: order.clientOrderID, change: .cancelled, time: now)))
        case .rejected:
            updates.yield(.event(VenueEvent(clientOrderID: order.clientOrderID, change: .rejected(reason: order.reason ?? "Inactive"), time: now)))
        default: break
        }
    }

    func apply(_ execution: ExecutionData) {
        guard let id = trackedID(orderID: execution.orderID, orderRef: execution.orderRef, clientID: execution.clientID, contract: execution.contract, action: execution.side == "SLD" ? "SELL" : "BUY", quantity: execution.cumulativeQuantity),
            var order = orders[id], !order.executions.contains(where: { $0.execution.execID == execution.execID })
        else { return }
        order.executions.append((execution, nil))
        orders[id] = order
        executionOrders[execution.execID] = id
        if let time = TWSTime.parse(execution.time), time > lastExecutionTime { lastExecutionTime = time }
        if let commission = earlyCommissions.removeValue(forKey: execution.execID) { apply(commission) }
    }

    func apply(_ commission: CommissionReport) {
        guard let id = executionOrders[commission.execID], var order = orders[id],
            let index = order.executions.firstIndex(where: { $0.execution.execID == commission.execID })
        else {
            earlyCommissions[commission.execID] = commission
            return
        }
        guard order.executions[index].commission == nil else { return }
        order.executions[index].commission = commission
        orders[id] = order
        guard let fill = TrackedOrder.fill(order.executions[index].execution, commission) else {
            logger.error("an execution that cannot be a fill", metadata: ["exec_id": "\(commission.execID)"])
            return
        }
        updates.yield(.event(VenueEvent(clientOrderID: order.clientOrderID, change: .filled(fill), time: fill.time)))
    }

    /// An error about one of our orders: a refusal before or after acknowledgement ends it; the
    /// answers to a cancel settle the cancel.
    func orderError(_ error: ErrorMessage) {
        let id = error.requestID
        switch error.code {
        case 202:
            return
        case 10147:
            settle(.cancel(orderID: id), with: .failure(VenueError(.notFound, venueReason: "10147", message: error.text)))
            return
        case 10148:
            settle(.cancel(orderID: id), with: .failure(VenueError(.rejected, venueReason: "10148", message: error.text)))
            return
        default: break
        }
        guard var order = orders[id], !order.status.isTerminal else { return }
        order.refused = true
        order.reason = "\(error.code) \(error.text)"
        orders[id] = order
        let rejection = VenueError(.rejected, venueReason: String(error.code), message: error.text, rejection: Self.rejection(for: error))
        settle(.acknowledgement(orderID: id), with: .failure(rejection))
        updates.yield(.event(VenueEvent(clientOrderID: order.clientOrderID, change: .rejected(reason: order.reason ?? ""), time: configuration.clock.now())))
    }

    /// The kind of refusal an order error is.
    static func rejection(for error: ErrorMessage) -> VenueError.Rejection {
        switch error.code {
        case 103: .duplicateOrder
        case 110: .invalidPrice
        case 200: .productUnavailable
        case 201 where error.text.uppercased().contains("FUNDS") || error.text.uppercased().contains("MARGIN") || error.text.uppercased().contains("EQUITY"): .insufficientFunds
        case 201 where error.text.contains("order type"): .unsupportedOrder
        default: .other
        }
    }
}
