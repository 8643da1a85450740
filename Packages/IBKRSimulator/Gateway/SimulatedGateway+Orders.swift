import TraderCore

extension SimulatedGateway {
    /// PLACE_ORDER: checks the order, then holds it (`transmit=0`) or transmits it with the rest of
    /// its bracket, acknowledging each order with OPEN_ORDER and ORDER_STATUS (the reference's §6);
    /// a marketable order fills at once. Placing an id that is working again modifies that order;
    /// an id already done is refused with 103.
    func placeOrder(_ request: PlaceOrderRequest, clientID: Int) throws(TWSWireError) {
        let key = OrderKey(clientID: clientID, orderID: request.orderID)
        let answerLost = faults.loseNextPlaceAnswer
        faults.loseNextPlaceAnswer = nil
        if answerLost == false { return }
        if let reason = faults.rejectNextOrder {
            faults.rejectNextOrder = nil
            return refuse(key, code: 201, "Order rejected - reason:\(reason)")
        }
        if let existing = orders[key], existing.status.isDone {
            return refuse(key, code: 103, "Duplicate order id")
        }
        guard let contract = resolve(request.contract) else {
            return refuse(key, code: 200, "No security definition has been found for the request")
        }
        guard request.action == "BUY" || request.action == "SELL" else {
            return refuse(key, code: 321, "Error validating request:-'bP' : cause - Invalid side \(request.action)")
        }
        guard request.quantity.raw > 0, contract.securityType == .option ? request.quantity.raw % FixedPoint.scale == 0 : true else {
            return refuse(key, code: 321, "Error validating request:-'bP' : cause - Invalid total quantity \(request.quantity)")
        }
        let priceKind: GatewayOrder.PriceKind
        switch (request.orderType, request.limitPrice, request.auxPrice) {
        case ("LMT", let limit?, _): priceKind = .limit(limit)
        case ("MKT", _, _): priceKind = .market
        case ("STP", _, let trigger?): priceKind = .stop(trigger: trigger)
        case ("LMT", nil, _), ("STP", _, nil):
            return refuse(key, code: 321, "Error validating request:-'bP' : cause - \(request.orderType) order without its price")
        default:
            return refuse(key, code: 201, "Order rejected - reason:The simulator does not support order type \(request.orderType)")
        }
        for price in [request.limitPrice, request.auxPrice].compactMap({ $0 }) where price.raw % (FixedPoint.scale / 100) != 0 || price.raw <= 0 {
            return refuse(key, code: 110, "The price does not conform to the minimum price variation for this contract.")
        }
        if let existing = orders[key] {
            return modify(existing, to: priceKind, quantity: request.quantity)
        }
        if request.parentID == 0, request.action == "BUY", let shortfall = fundingShortfall(contract, quantity: request.quantity, priceKind: priceKind) {
            return refuse(key, code: 201, "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED POSITION YOUR AVAILABLE FUNDS [\(shortfall.available) USD] MUST EXCEED THE ORDER'S COST [\(shortfall.cost) USD]")
        }
        let order = GatewayOrder(
            orderID: request.orderID, clientID: clientID, permID: nextPermID, contract: contract, action: request.action, quantity: request.quantity,
            priceKind: priceKind, orderType: request.orderType, timeInForce: request.timeInForce.isEmpty ? "DAY" : request.timeInForce,
            ocaGroup: request.ocaGroup, ocaType: request.ocaType, account: request.account.isEmpty ? account : request.account,
            orderRef: request.orderRef, parentID: request.parentID, outsideRTH: request.outsideRTH)
        nextPermID += 1
        nextValidID = max(nextValidID, request.orderID + 1)
        orders[key] = order
        if request.parentID != 0 { groups[Self.bracketGroup(clientID, request.parentID), default: []].append(key) }
        if !request.ocaGroup.isEmpty { groups[Self.ocaGroup(clientID, request.ocaGroup), default: []].append(key) }
        if answerLost == true { silenced.insert(key) }
        if request.transmit { transmit(key) }
        silenced.remove(key)
    }

    /// Transmits the order at `key` with every order of its bracket still held, parent first.
    private func transmit(_ key: OrderKey) {
        guard let order = orders[key] else { return }
        let parentID = order.parentID == 0 ? order.orderID : order.parentID
        let parentKey = OrderKey(clientID: key.clientID, orderID: parentID)
        let family = [parentKey] + (groups[Self.bracketGroup(key.clientID, parentID)] ?? [])
        let insideHours = isRegularTradingHours(now)
        for member in family {
            guard var held = orders[member], !held.transmitted, !held.status.isDone else { continue }
            held.transmitted = true
            let isChild = held.parentID != 0 && orders[OrderKey(clientID: key.clientID, orderID: held.parentID)]?.status != .filled
            held.status = isChild || !insideHours ? .preSubmitted : .submitted
            orders[member] = held
            acknowledge(held)
            if !insideHours && !isChild {
                send(
                    ServerMessage.error(held.orderID, code: 399, "Order Message:\nWarning: your order will not be placed at the exchange until the next regular trading session."),
                    toClient: key.clientID)
            }
        }
        for member in family where isActive(member) { matchOnArrival(member) }
    }

    /// Changes a working order's price and quantity, keeping its state.
    private func modify(_ order: GatewayOrder, to priceKind: GatewayOrder.PriceKind, quantity: FixedPoint) {
        let changed = GatewayOrder(
            orderID: order.orderID, clientID: order.clientID, permID: order.permID, contract: order.contract, action: order.action,
            quantity: max(quantity, order.filled), priceKind: priceKind, orderType: order.orderType, timeInForce: order.timeInForce,
            ocaGroup: order.ocaGroup, ocaType: order.ocaType, account: order.account, orderRef: order.orderRef, parentID: order.parentID,
            outsideRTH: order.outsideRTH, transmitted: order.transmitted, status: order.status, filled: order.filled,
            filledNotional: order.filledNotional, lastFillPrice: order.lastFillPrice)
        let key = OrderKey(clientID: order.clientID, orderID: order.orderID)
        orders[key] = changed
        if changed.transmitted {
            acknowledge(changed)
            if isActive(key) { matchOnArrival(key) }
        }
    }

    /// CANCEL_ORDER: ends a working order (and a parent's children) with ORDER_STATUS Cancelled and
    /// error 202; an unknown id gets 10147, a filled one 10148.
    func cancelOrder(_ orderID: Int, clientID: Int) {
        let key = OrderKey(clientID: clientID, orderID: orderID)
        guard let order = orders[key] else {
            return send(ServerMessage.error(orderID, code: 10147, "OrderId \(orderID) that needs to be cancelled is not found."), toClient: clientID)
        }
        guard !order.status.isDone else {
            return send(
                ServerMessage.error(orderID, code: 10148, "OrderId \(orderID) that needs to be cancelled cannot be cancelled, state: \(order.status.rawValue)."),
                toClient: clientID)
        }
        end(key, as: .cancelled, reason: "Order Canceled - reason:")
        for child in groups[Self.bracketGroup(clientID, orderID)] ?? [] { end(child, as: .cancelled, reason: "Order Canceled - reason:") }
    }

    /// REQ_GLOBAL_CANCEL: cancels every working order of every client.
    func cancelAll() {
        for (key, order) in orders where !order.status.isDone { end(key, as: .cancelled, reason: "Order Canceled - reason:") }
    }

    /// Ends a working order as `status`, telling its client (and 202 with `reason` when given).
    func end(_ key: OrderKey, as status: GatewayOrder.Status, reason: String?) {
        guard var order = orders[key], !order.status.isDone else { return }
        order.status = status
        orders[key] = order
        guard order.transmitted, !faults.connectivityLost else { return }
        send(ServerMessage.orderStatus(order), toClient: key.clientID)
        if let reason { send(ServerMessage.error(order.orderID, code: 202, reason), toClient: key.clientID) }
    }

    /// REQ_OPEN_ORDERS / REQ_ALL_OPEN_ORDERS: OPEN_ORDER and ORDER_STATUS of each transmitted
    /// working order, then OPEN_ORDER_END.
    func sendOpenOrders(to connection: Int, allClients: Bool) {
        guard let clientID = clients[connection]?.clientID else { return }
        let open = orders.values.filter { $0.transmitted && !$0.status.isDone && (allClients || $0.clientID == clientID) }
        for order in open.sorted(by: { $0.permID < $1.permID }) {
            send(ServerMessage.openOrder(order), to: connection)
            send(ServerMessage.orderStatus(order), to: connection)
        }
        send(ServerMessage.openOrderEnd, to: connection)
    }

    /// Whether the order at `key` can trade now: transmitted, working, and not waiting for its parent.
    func isActive(_ key: OrderKey) -> Bool {
        guard let order = orders[key], order.isWorking else { return false }
        guard order.parentID != 0 else { return true }
        return orders[OrderKey(clientID: key.clientID, orderID: order.parentID)]?.status == .filled
    }

    /// Sends an order's OPEN_ORDER and ORDER_STATUS to its client (unless connectivity is lost).
    func acknowledge(_ order: GatewayOrder) {
        guard !faults.connectivityLost, !silenced.contains(OrderKey(clientID: order.clientID, orderID: order.orderID)) else { return }
        send(ServerMessage.openOrder(order), toClient: order.clientID)
        send(ServerMessage.orderStatus(order), toClient: order.clientID)
    }

    private func refuse(_ key: OrderKey, code: Int, _ text: String) {
        send(ServerMessage.error(key.orderID, code: code, text), toClient: key.clientID)
    }

    /// How much a buy of `quantity` would cost against what the account has free, when it has too little.
    private func fundingShortfall(_ contract: GatewayContract, quantity: FixedPoint, priceKind: GatewayOrder.PriceKind) -> (cost: FixedPoint, available: FixedPoint)? {
        let price: FixedPoint
        switch priceKind {
        case .limit(let limit): price = limit
        case .market, .stop: price = quote(of: contract)?.ask ?? .zero
        }
        let cost = Self.value(price, quantity, contract)
        let available = availableFunds
        return cost > available ? (cost, available) : nil
    }

    static func bracketGroup(_ clientID: Int, _ parentID: Int) -> String { "bracket:\(clientID):\(parentID)" }
    static func ocaGroup(_ clientID: Int, _ name: String) -> String { "oca:\(clientID):\(name)" }

    /// price × quantity × multiplier, to the cent.
    static func value(_ price: FixedPoint, _ quantity: FixedPoint, _ contract: GatewayContract) -> FixedPoint {
        let units = (try? quantity.multiplied(by: FixedPoint(contract.multiplierValue), rounding: .toNearestOrEven)) ?? quantity
        return (try? price.multiplied(by: units, rounding: .toNearestOrEven)) ?? .max
    }
}
