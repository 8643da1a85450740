import TraderCore

extension SimulatedGateway {
    /// The bid and ask of `contract` now: a stock's from the last bar (bid at its close, ask a
    /// cent above), an option's from ``OptionPricer``; `nil` before the first bar.
    func quote(of contract: GatewayContract) -> (bid: FixedPoint, ask: FixedPoint)? {
        guard let bar = lastCloses[contract.symbol] else { return nil }
        switch contract.securityType {
        case .stock: return (bar.close.value, FixedPoint(raw: bar.close.value.raw + FixedPoint.scale / 100))
        case .option:
            return pricer.quote(right: contract.right, strike: contract.strike, underlying: bar.close.value, secondsToExpiry: secondsToExpiry(contract))
        }
    }

    /// Fills the order at `key` at once when it is marketable against the quote: a market order,
    /// a limit through the quote, a stop already triggered (inside regular trading hours only).
    func matchOnArrival(_ key: OrderKey) {
        guard !cancelIfExpired(key), let order = orders[key], isRegularTradingHours(now), let quote = quote(of: order.contract) else { return }
        let touch = order.isBuy ? quote.ask : quote.bid
        let fills: Bool
        switch order.priceKind {
        case .market: fills = true
        case .limit(let limit): fills = order.isBuy ? limit >= touch : limit <= touch
        case .stop(let trigger): fills = order.isBuy ? touch >= trigger : touch <= trigger
        }
        if fills { execute(key, at: touch, addedLiquidity: false, upTo: liquidity(of: order.contract.symbol)) }
    }

    /// How much one order can fill on a bar of `volume` (`nil`: all of it).
    func liquidity(volume: Quantity) -> FixedPoint? {
        guard let participationRate else { return nil }
        let shares = (try? volume.value.multiplied(by: participationRate, rounding: .down)) ?? .zero
        return FixedPoint(raw: shares.raw / FixedPoint.scale * FixedPoint.scale)
    }

    /// How much one order can fill now, against the last bar of `symbol`.
    func liquidity(of symbol: String) -> FixedPoint? { lastCloses[symbol].flatMap { liquidity(volume: $0.volume) } }

    /// Trades the working orders on `symbol` (its stock and options) against a bar that just closed
    /// (an order on an option that expired before it is cancelled instead): a limit fills when the bar reaches it, at its price or the open when the bar gapped through
    /// it; a stop fills when the bar trades through it, at its price or the open when gapped; a held
    /// market order fills at the open. Stops go first, so when one bar reaches both children of a
    /// bracket the loss is taken (the bar's path is unknown).
    func matchOnBar(_ bar: Candle, of symbol: String) {
        let candidates = orders.filter { $0.value.contract.symbol == symbol && isActive($0.key) }
            .sorted { ($0.value.isStop ? 0 : 1, $0.value.permID) < ($1.value.isStop ? 0 : 1, $1.value.permID) }
        for (key, _) in candidates where isActive(key) && !cancelIfExpired(key) {
            guard var order = orders[key] else { continue }
            if order.status == .preSubmitted && order.parentID == 0 {
                order.status = .submitted
                orders[key] = order
                acknowledge(order)
            }
            let (open, high, low) = prices(of: order.contract, in: bar)
            let available = liquidity(volume: bar.volume)
            switch order.priceKind {
            case .market: execute(key, at: open, addedLiquidity: false, upTo: available)
            case .limit(let limit):
                if order.isBuy, low <= limit { execute(key, at: min(limit, open), addedLiquidity: open > limit, upTo: available) }
                if !order.isBuy, high >= limit { execute(key, at: max(limit, open), addedLiquidity: open < limit, upTo: available) }
            case .stop(let trigger):
                if order.isBuy, high >= trigger { execute(key, at: max(trigger, open), addedLiquidity: false, upTo: available) }
                if !order.isBuy, low <= trigger { execute(key, at: min(trigger, open), addedLiquidity: false, upTo: available) }
            }
        }
    }

    /// The open, high and low of `contract` over an underlying bar (an option's from the model at
    /// the bar's prices, a put's high at the underlying's low).
    private func prices(of contract: GatewayContract, in bar: Candle) -> (open: FixedPoint, high: FixedPoint, low: FixedPoint) {
        guard contract.securityType == .option else { return (bar.open.value, bar.high.value, bar.low.value) }
        let seconds = secondsToExpiry(contract)
        func model(_ underlying: Price) -> FixedPoint {
            pricer.price(right: contract.right, strike: contract.strike, underlying: underlying.value, secondsToExpiry: seconds)
        }
        let (atHigh, atLow) = (model(bar.high), model(bar.low))
        return (model(bar.open), max(atHigh, atLow), min(atHigh, atLow))
    }

    /// Fills the rest of the order at `key` at `price`, or `limit` of it: books the execution,
    /// moves cash and the position, tells the client (OPEN_ORDER, EXECUTION_DATA, ORDER_STATUS,
    /// COMMISSION_REPORT), and once the order is filled starts a parent's children and cancels the
    /// rest of its group.
    func execute(_ key: OrderKey, at price: FixedPoint, addedLiquidity: Bool, upTo limit: FixedPoint? = nil) {
        // Nothing trades at no price: a market sell of an option nobody bids for keeps working.
        guard var order = orders[key], order.isWorking, price.raw > 0 else { return }
        let shares = min(order.remaining, limit ?? order.remaining)
        guard shares.raw > 0 else { return }
        let commission = CommissionSchedule.commission(for: order.contract, shares: shares, price: price)
        order.filled = FixedPoint(raw: order.filled.raw + shares.raw)
        order.filledNotional = FixedPoint(raw: order.filledNotional.raw + ((try? price.multiplied(by: shares, rounding: .toNearestOrEven)) ?? .zero).raw)
        order.lastFillPrice = price
        if order.remaining.raw == 0 { order.status = .filled }
        orders[key] = order
        let realized = book(order.contract, shares: order.isBuy ? shares : FixedPoint(raw: -shares.raw), price: price, commission: commission)
        executionCount += 1
        let execution = GatewayExecution(
            execID: String(format: "%@.%08x.01.01", executionNamespace, executionCount), orderID: order.orderID, clientID: order.clientID,
            permID: order.permID, contract: order.contract, time: now, isBuy: order.isBuy, shares: shares, price: price,
            cumulativeQuantity: order.filled, averagePrice: order.averageFillPrice, orderRef: order.orderRef, account: order.account,
            addedLiquidity: addedLiquidity, commission: commission, realizedPNL: realized)
        executions.append(execution)
        let dropped = faults.dropNextExecution
        faults.dropNextExecution = false
        if !faults.connectivityLost {
            send(ServerMessage.openOrder(order), toClient: order.clientID)
            if !dropped { send(ServerMessage.execution(execution, requestID: -1, time: eastern.dateTime(execution.time)), toClient: order.clientID) }
            send(ServerMessage.orderStatus(order), toClient: order.clientID)
            if !dropped { send(ServerMessage.commissionReport(execution), toClient: order.clientID) }
            pushPosition(order.contract)
        }
        guard order.status == .filled else { return }
        startChildren(of: key)
        cancelSiblings(of: key, order)
    }

    /// After a parent fills, its children start working: the take-profit limit is submitted, the
    /// stop stays PreSubmitted (IB holds a simulated stop until it triggers), and both may trade.
    private func startChildren(of key: OrderKey) {
        for child in groups[Self.bracketGroup(key.clientID, key.orderID)] ?? [] {
            guard var order = orders[child], order.transmitted, !order.status.isDone else { continue }
            order.status = order.isStop ? .preSubmitted : .submitted
            orders[child] = order
            acknowledge(order)
        }
        for child in groups[Self.bracketGroup(key.clientID, key.orderID)] ?? [] where isActive(child) { matchOnArrival(child) }
    }

    /// One child of a bracket filled, or one order of an OCA group: the others are cancelled.
    private func cancelSiblings(of key: OrderKey, _ order: GatewayOrder) {
        var siblings: [OrderKey] = []
        if order.parentID != 0 { siblings += groups[Self.bracketGroup(key.clientID, order.parentID)] ?? [] }
        if !order.ocaGroup.isEmpty { siblings += groups[Self.ocaGroup(key.clientID, order.ocaGroup)] ?? [] }
        for sibling in siblings where sibling != key { end(sibling, as: .cancelled, reason: nil) }
    }

    /// Cancels the order at `key` when its option expired before now (the exchange cancels the
    /// orders on a contract at its expiry; none trades after it), and says whether it did.
    private func cancelIfExpired(_ key: OrderKey) -> Bool {
        guard let order = orders[key], order.contract.securityType == .option, secondsToExpiry(order.contract) < 0 else { return false }
        end(key, as: .cancelled, reason: "Order Canceled - reason: the contract expired")
        return true
    }

    /// Settles the options on `symbol` whose expiry's close has come (16:00 New York on the expiry
    /// date): the orders still working on them are cancelled, and each position is closed in cash
    /// at its intrinsic value on the stock's quote mid, without a commission. (IB exercises an
    /// equity option in the money and delivers the stock; the simulator settles in cash what that
    /// stock is worth at the close, as the engine books an expiry.)
    func settleExpiredOptions(of symbol: String) {
        for (key, order) in orders where isActive(key) && order.contract.symbol == symbol && order.contract.securityType == .option
        && secondsToExpiry(order.contract) <= 0 {
            end(key, as: .cancelled, reason: "Order Canceled - reason: the contract expired")
        }
        guard let stock = stocks[symbol], let quote = quote(of: stock) else { return }
        let underlying = FixedPoint(raw: (quote.bid.raw + quote.ask.raw) / 2)
        let expired = positions.values.filter { $0.contract.symbol == symbol && $0.contract.securityType == .option && secondsToExpiry($0.contract) <= 0 }
        for holding in expired.sorted(by: { $0.contract.conID < $1.contract.conID }) {
            let strike = holding.contract.strike.raw
            let intrinsic = FixedPoint(raw: max(0, holding.contract.right == "C" ? underlying.raw - strike : strike - underlying.raw))
            _ = book(holding.contract, shares: FixedPoint(raw: -holding.quantity.raw), price: intrinsic, commission: .zero)
            pushPosition(holding.contract)
        }
    }

    /// Seconds from now to 16:00 New York time on the option's expiry date.
    func secondsToExpiry(_ contract: GatewayContract) -> Int64 {
        guard let close = eastern.timestamp(date: contract.expiry, time: "16:00:00") else { return 0 }
        return close.secondsSinceEpoch - now.secondsSinceEpoch
    }

    /// Whether `time` is inside US equities' regular session: 09:30 to 16:00 New York time on a
    /// weekday (the replay holds no bars on exchange holidays, so an order placed then waits for
    /// the next session's first bar).
    func isRegularTradingHours(_ time: Timestamp) -> Bool {
        let (date, clock) = eastern.parts(time)
        guard let weekday = eastern.weekday(date), (1...5).contains(weekday) else { return false }
        return clock >= "09:30:00" && clock < "16:00:00"
    }
}

extension GatewayOrder {
    /// Whether it is a stop.
    var isStop: Bool { if case .stop = priceKind { true } else { false } }
}
