import TraderCore

extension SimulatedGateway {
    /// Moves cash and the position by one execution of `shares` (signed: negative sells) at
    /// `price`, and the commission.
    ///
    /// - Returns: the realized PnL when the execution reduced a position (net of its commission, as
    ///   IB reports it); `nil` when it opened or added.
    func book(_ contract: GatewayContract, shares: FixedPoint, price: FixedPoint, commission: FixedPoint) -> FixedPoint? {
        let multiplier = contract.multiplierValue
        let value = Self.value(price, FixedPoint(raw: abs(shares.raw)), contract)
        cash = FixedPoint(raw: cash.raw + (shares.raw > 0 ? -value.raw : value.raw) - commission.raw)
        var holding = positions[contract.conID] ?? Holding(contract: contract, quantity: .zero, averagePrice: .zero)
        let before = holding.quantity.raw
        let after = before + shares.raw
        var realized: FixedPoint?
        if before != 0, (before > 0) != (shares.raw > 0) {
            // Reducing (or flipping): the closed part realizes against the average price.
            let closed = min(abs(shares.raw), abs(before))
            let perUnit = (price.raw - holding.averagePrice.raw) * (before > 0 ? 1 : -1)
            let gross = (try? FixedPoint(raw: perUnit).multiplied(by: FixedPoint(raw: closed), rounding: .toNearestOrEven)) ?? .zero
            let pnl = FixedPoint(raw: gross.raw * Int64(multiplier) - commission.raw)
            realizedPNL = FixedPoint(raw: realizedPNL.raw + pnl.raw)
            realized = pnl
            if abs(shares.raw) > abs(before) { holding.averagePrice = price }
        } else {
            // Opening or adding: the average moves to include the new units.
            let total = (try? holding.averagePrice.multiplied(by: FixedPoint(raw: abs(before)), rounding: .toNearestOrEven).raw) ?? 0
            let added = (try? price.multiplied(by: FixedPoint(raw: abs(shares.raw)), rounding: .toNearestOrEven).raw) ?? 0
            holding.averagePrice = (try? FixedPoint(raw: total + added).divided(by: FixedPoint(raw: abs(after)), rounding: .toNearestOrEven)) ?? price
        }
        holding.quantity = FixedPoint(raw: after)
        positions[contract.conID] = after == 0 ? nil : holding
        return realized
    }

    /// Cash less what working buys (not bracket children) would cost at their limit or the ask.
    var availableFunds: FixedPoint {
        var reserved: Int64 = 0
        for order in orders.values where order.isWorking && order.isBuy && order.parentID == 0 {
            let price: FixedPoint
            switch order.priceKind {
            case .limit(let limit): price = limit
            case .market, .stop: price = quote(of: order.contract)?.ask ?? .zero
            }
            reserved += Self.value(price, order.remaining, order.contract).raw
        }
        return FixedPoint(raw: cash.raw - reserved)
    }

    /// The market value of every position at its bid (long) or ask (short).
    var grossPositionValue: FixedPoint {
        FixedPoint(raw: positions.values.reduce(0) { $0 + abs(marketValue(of: $1).raw) })
    }

    /// A position's signed value at the mark (mid of the quote; the average price before any bar).
    func marketValue(of holding: Holding) -> FixedPoint {
        FixedPoint(raw: Self.value(mark(of: holding), FixedPoint(raw: abs(holding.quantity.raw)), holding.contract).raw * (holding.quantity.raw < 0 ? -1 : 1))
    }

    func mark(of holding: Holding) -> FixedPoint {
        guard let quote = quote(of: holding.contract) else { return holding.averagePrice }
        return FixedPoint(raw: (quote.bid.raw + quote.ask.raw) / 2)
    }

    var netLiquidation: FixedPoint { FixedPoint(raw: cash.raw + positions.values.reduce(0) { $0 + marketValue(of: $1).raw }) }

    var unrealizedPNL: FixedPoint {
        FixedPoint(raw: positions.values.reduce(0) { sum, holding in
            let cost = Self.value(holding.averagePrice, FixedPoint(raw: abs(holding.quantity.raw)), holding.contract).raw * (holding.quantity.raw < 0 ? -1 : 1)
            return sum + marketValue(of: holding).raw - cost
        })
    }

    /// The account's values, as ACCT_VALUE, ACCOUNT_SUMMARY and ACCOUNT_UPDATE_MULTI carry them.
    var accountValues: [(key: String, value: FixedPoint)] {
        let net = netLiquidation
        return [
            ("AvailableFunds", availableFunds), ("BuyingPower", availableFunds), ("CashBalance", cash), ("EquityWithLoanValue", net),
            ("ExcessLiquidity", availableFunds), ("GrossPositionValue", grossPositionValue), ("InitMarginReq", .zero), ("MaintMarginReq", .zero),
            ("NetLiquidation", net), ("RealizedPnL", realizedPNL), ("TotalCashValue", cash), ("UnrealizedPnL", unrealizedPNL),
        ]
    }

    /// REQ_POSITIONS: every position, then POSITION_END; the average cost is per contract (an
    /// option's premium × 100), as IB reports it.
    func sendPositions(to connection: Int) {
        for holding in positions.values.sorted(by: { $0.contract.conID < $1.contract.conID }) {
            send(positionMessage(holding.contract), to: connection)
        }
        send(ServerMessage.positionEnd, to: connection)
    }

    private func positionMessage(_ contract: GatewayContract) -> [String] {
        let holding = positions[contract.conID]
        let averageCost = holding.map { Self.value($0.averagePrice, FixedPoint(1), contract) } ?? .zero
        return ServerMessage.position(account: account, contract, quantity: holding?.quantity ?? .zero, averageCost: averageCost)
    }

    /// After an execution: the position to subscribers of positions, and the account to subscribers of account updates.
    func pushPosition(_ contract: GatewayContract) {
        for (connection, client) in clients {
            if client.positionsSubscribed { send(positionMessage(contract), to: connection) }
            if client.accountSubscribed { sendAccountUpdate(to: connection, endWith: false) }
        }
    }

    /// REQ_ACCT_DATA: subscribing sends the account's values, its portfolio, the update time and
    /// ACCT_DOWNLOAD_END, and keeps pushing them after every execution.
    func requestAccountUpdates(_ request: inout RequestFields, connection: Int) throws(TWSWireError) {
        request.skip(1)
        let subscribe = try request.bool("subscribe")
        clients[connection]?.accountSubscribed = subscribe
        if subscribe { sendAccountUpdate(to: connection, endWith: true) }
    }

    private func sendAccountUpdate(to connection: Int, endWith end: Bool) {
        for (key, value) in accountValues { send(ServerMessage.accountValue(key, value.description, currency: "USD", account: account), to: connection) }
        for holding in positions.values.sorted(by: { $0.contract.conID < $1.contract.conID }) {
            let averageCost = Self.value(holding.averagePrice, FixedPoint(1), holding.contract)
            let value = marketValue(of: holding)
            let cost = Self.value(holding.averagePrice, FixedPoint(raw: abs(holding.quantity.raw)), holding.contract).raw * (holding.quantity.raw < 0 ? -1 : 1)
            send(
                ServerMessage.portfolioValue(
                    holding.contract, quantity: holding.quantity, marketPrice: mark(of: holding), marketValue: value, averageCost: averageCost,
                    unrealizedPNL: FixedPoint(raw: value.raw - cost), realizedPNL: .zero, account: account), to: connection)
        }
        send(ServerMessage.accountUpdateTime(accountUpdateClock), to: connection)
        if end { send(ServerMessage.accountDownloadEnd(account), to: connection) }
    }

    /// REQ_ACCOUNT_SUMMARY: every value for the account, then ACCOUNT_SUMMARY_END.
    func sendAccountSummary(_ requestID: Int, to connection: Int) {
        for (key, value) in accountValues {
            send(ServerMessage.accountSummary(requestID, account: account, tag: key, value: value.description, currency: "USD"), to: connection)
        }
        send(ServerMessage.accountSummaryEnd(requestID), to: connection)
    }

    /// REQ_ACCOUNT_UPDATES_MULTI: every value, then ACCOUNT_UPDATE_MULTI_END.
    func sendAccountUpdatesMulti(_ requestID: Int, to connection: Int) {
        for (key, value) in accountValues {
            send(ServerMessage.accountUpdateMulti(requestID, account: account, key: key, value: value.description, currency: "USD"), to: connection)
        }
        send(ServerMessage.accountUpdateMultiEnd(requestID), to: connection)
    }

    /// REQ_EXECUTIONS: today's executions (New York's trading day, as IB keeps them) that pass the
    /// filter, each with its commission report, then EXECUTION_DATA_END.
    func sendExecutions(_ request: inout RequestFields, clientID: Int, to connection: Int) throws(TWSWireError) {
        request.skip(1)
        let requestID = try request.requiredInt("reqId")
        let clientFilter = try request.int("clientId") ?? 0
        request.skip(1)  // acctCode: one account
        let since = request.string("time")
        let symbol = request.string("symbol").uppercased()
        let securityType = request.string("secType").uppercased()
        request.skip(1)  // exchange
        let side = request.string("side").uppercased()
        let today = eastern.parts(now).date
        let sinceTime = eastern.requestTime(since)
        for execution in executions {
            let (date, _) = eastern.parts(execution.time)
            guard date == today, clientFilter == 0 || execution.clientID == clientFilter, symbol.isEmpty || execution.contract.symbol == symbol,
                securityType.isEmpty || execution.contract.securityType.rawValue == securityType,
                side.isEmpty || (side == "BUY") == execution.isBuy, sinceTime.map({ execution.time >= $0 }) ?? true
            else { continue }
            send(ServerMessage.execution(execution, requestID: requestID, time: eastern.dateTime(execution.time)), to: connection)
            send(ServerMessage.commissionReport(execution), to: connection)
        }
        send(ServerMessage.executionEnd(requestID), to: connection)
    }
}
