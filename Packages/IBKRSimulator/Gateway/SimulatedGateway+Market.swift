import TraderCore

extension SimulatedGateway {
    /// Processes every bar that closes at or before `time`, one close at a time: the replay moves,
    /// working orders trade against each new bar (``matchOnBar(_:of:)``), and market data
    /// subscribers get the new quotes.
    ///
    /// - Returns: how many bar closes were processed.
    /// - Throws: the replay's data errors.
    @discardableResult
    public func advance(to time: Timestamp) async throws -> Int {
        var processed = 0
        while let close = await venue.nextBarClose, close <= time {
            try await advanceOneClose(close)
            processed += 1
        }
        return processed
    }

    /// Processes the next `count` bar closes of the replay.
    ///
    /// - Returns: how many were processed (fewer when the data ends).
    /// - Throws: the replay's data errors.
    @discardableResult
    public func advance(bars count: Int) async throws -> Int {
        var processed = 0
        while processed < count, let close = await venue.nextBarClose {
            try await advanceOneClose(close)
            processed += 1
        }
        return processed
    }

    private func advanceOneClose(_ close: Timestamp) async throws {
        clock.set(to: close)
        try await venue.advance(to: close)
        let interval = Duration.seconds(venue.interval.seconds)
        for symbol in stocks.keys.sorted() {
            let after = lastCloses[symbol].map { $0.time.advanced(bySeconds: 1) } ?? Self.allTime.lowerBound
            let bars = (try? await venue.candles(for: Self.venueSymbol(symbol), interval: interval, in: after..<close.advanced(bySeconds: 1))) ?? []
            for bar in bars {
                lastCloses[symbol] = bar
                matchOnBar(bar, of: symbol)
            }
            settleExpiredOptions(of: symbol)
            if !bars.isEmpty { pushTicks(of: symbol) }
        }
    }

    /// REQ_MKT_DATA: MARKET_DATA_TYPE, then the ticks of the last bar (bid, ask, last, volume; an
    /// option's model computation too); TICK_SNAPSHOT_END for a snapshot, otherwise a subscription
    /// that sends the ticks again at every bar.
    func requestMarketData(_ request: inout RequestFields, connection: Int) async throws(TWSWireError) {
        request.skip(1)
        let requestID = try request.requiredInt("reqId")
        let named = try ContractRequest(reading: &request)
        if try request.bool("deltaNeutralContract") { request.skip(3) }
        request.skip(1)  // genericTickList
        let snapshot = try request.bool("snapshot")
        guard let contract = resolve(named) else {
            return send(ServerMessage.error(requestID, code: 200, "No security definition has been found for the request"), to: connection)
        }
        send(ServerMessage.marketDataType(requestID, 1), to: connection)
        for message in ticks(of: contract, requestID: requestID) { send(message, to: connection) }
        if snapshot {
            send(ServerMessage.tickSnapshotEnd(requestID), to: connection)
        } else {
            clients[connection]?.marketData[requestID] = contract
        }
    }

    /// The ticks that describe `contract` now; none before the first bar.
    func ticks(of contract: GatewayContract, requestID: Int) -> [[String]] {
        guard let bar = lastCloses[contract.symbol], let quote = quote(of: contract) else { return [] }
        switch contract.securityType {
        case .stock:
            // Sizes: a tenth of the bar's volume a side (the paper venue's participation rule); volume in shares.
            let size = FixedPoint(raw: bar.volume.value.raw / 10 / FixedPoint.scale * FixedPoint.scale)
            return [
                ServerMessage.tickPrice(requestID, type: 1, price: quote.bid, size: size), ServerMessage.tickPrice(requestID, type: 2, price: quote.ask, size: size),
                ServerMessage.tickPrice(requestID, type: 4, price: bar.close.value, size: size), ServerMessage.tickSize(requestID, type: 8, size: bar.volume.value),
            ]
        case .option:
            let seconds = secondsToExpiry(contract)
            let model = pricer.price(right: contract.right, strike: contract.strike, underlying: bar.close.value, secondsToExpiry: seconds)
            let delta = pricer.delta(right: contract.right, strike: contract.strike, underlying: bar.close.value, secondsToExpiry: seconds)
            let size = FixedPoint(10)
            return [
                ServerMessage.tickPrice(requestID, type: 1, price: quote.bid, size: size), ServerMessage.tickPrice(requestID, type: 2, price: quote.ask, size: size),
                ServerMessage.optionComputation(requestID, type: 13, impliedVolatility: pricer.volatility, delta: delta, price: model, underlying: bar.close.value),
            ]
        }
    }

    /// Sends every subscription on `symbol` (its stock and options) its new ticks.
    private func pushTicks(of symbol: String) {
        guard !faults.connectivityLost else { return }
        for (connection, client) in clients {
            for (requestID, contract) in client.marketData where contract.symbol == symbol {
                for message in ticks(of: contract, requestID: requestID) { send(message, to: connection) }
            }
        }
    }
}
