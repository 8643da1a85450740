import TraderCore

extension IBKRAdapter: MarketData, ProductCatalog, AccountSource {
    /// The IB contract of an instrument: a stock `SPY-USD` on SMART in USD, or an option on it.
    ///
    /// - Throws: ``VenueError`` `rejected` (`unsupported_order`) for a pair that is not a stock in its currency.
    static func contract(for instrument: Instrument) throws(VenueError) -> TWSContract {
        switch instrument {
        case .spot(let symbol):
            var contract = TWSContract.stock(symbol.base)
            contract.currency = symbol.quote
            return contract
        case .option(let option):
            var contract = TWSContract.option(
                option.underlying.base, expiry: option.expiry, strike: option.strike.value, right: option.right.rawValue, multiplier: option.multiplier)
            contract.currency = option.underlying.quote
            return contract
        }
    }

    /// The last bid and ask of each stock, from one snapshot a symbol; a symbol without both is missing.
    ///
    /// - Throws: ``VenueError`` from the requests (a symbol IB does not know is left out, not thrown).
    public func quotes(for symbols: [Symbol]) async throws(VenueError) -> SymbolMap<Quote> {
        var quotes: SymbolMap<Quote> = [:]
        for symbol in symbols {
            let requestID = requestID()
            var message = RequestMarketData()
            message.requestID = requestID
            message.contract = try Self.contract(for: .spot(symbol))
            message.snapshot = true
            let answer: [[String]]
            do {
                answer = try await request(message, key: requestID)
            } catch where error.code == .notFound {
                continue
            }
            var bid: TickPrice?
            var ask: TickPrice?
            for fields in answer where fields.first == "1" {
                guard let tick = try? TickPrice.decode(fields, serverVersion: serverVersion), tick.price != nil else { continue }
                if tick.tickType == 1 || tick.tickType == 66 { bid = tick }
                if tick.tickType == 2 || tick.tickType == 67 { ask = tick }
            }
            guard let bid, let ask, let bidPrice = bid.price, let askPrice = ask.price,
                let quote = try? Quote(
                    validatingSymbol: symbol, bid: Price(bidPrice), ask: Price(askPrice), bidSize: Quantity(FixedPoint(raw: abs(bid.size.raw))),
                    askSize: Quantity(FixedPoint(raw: abs(ask.size.raw))), time: configuration.clock.now())
            else { continue }
            quotes[symbol] = quote
        }
        return quotes
    }

    /// Bars of a stock whose start is in `range`, oldest first (REQ_HISTORICAL_DATA, regular
    /// hours, trades): 1, 2, 3, 5, 10, 15, 20 or 30 minutes, 1, 2, 3, 4 or 8 hours, or a day.
    ///
    /// - Throws: ``VenueError`` `rejected` for another interval or a refusal (162), `not_found`
    ///   for an unknown stock, `malformed_reply` for a bar that is not one.
    public func candles(for symbol: Symbol, interval: Duration, in range: Range<Timestamp>) async throws(VenueError) -> [Candle] {
        guard let barSize = Self.barSize(interval) else { throw VenueError(.rejected, message: "candles: IB has no \(interval) bars") }
        let requestID = requestID()
        var message = RequestHistoricalData()
        message.requestID = requestID
        message.contract = try Self.contract(for: .spot(symbol))
        message.endDateTime = TWSTime.utc(range.upperBound)
        message.barSize = barSize
        let seconds = max(1, range.lowerBound.duration(to: range.upperBound).components.seconds)
        message.duration = seconds <= 86_400 ? "\(seconds) S" : "\((seconds + 86_399) / 86_400) D"
        message.formatDate = 2
        let answer = try await request(message, key: requestID)
        guard let fields = answer.last else { return [] }
        let history: HistoricalData
        do {
            history = try HistoricalData.decode(fields, serverVersion: serverVersion)
        } catch {
            throw VenueError(.malformedReply, message: "candles: \(error)")
        }
        var candles: [Candle] = []
        for bar in history.bars {
            guard let time = TWSTime.parse(bar.date),
                let candle = try? Candle(
                    validatingTime: time, open: Price(bar.open), high: Price(bar.high), low: Price(bar.low), close: Price(bar.close), volume: Quantity(bar.volume))
            else {
                throw VenueError(.malformedReply, message: "candles: the bar \(bar.date) of \(symbol) is not a candle")
            }
            if range.contains(candle.time) { candles.append(candle) }
        }
        return candles
    }

    /// IB's bar size setting for an interval.
    static func barSize(_ interval: Duration) -> String? {
        let seconds = interval.components.seconds
        switch seconds {
        case 60: return "1 min"
        case 120, 180, 300, 600, 900, 1200, 1800: return "\(seconds / 60) mins"
        case 3600: return "1 hour"
        case 7200, 10_800, 14_400, 28_800: return "\(seconds / 3600) hours"
        case 86_400: return "1 day"
        default: return nil
        }
    }

    /// One level a side: the quote's.
    ///
    /// - Throws: ``VenueError`` `not_found` when the stock has no quote.
    public func book(for symbol: Symbol, depth: Int) async throws(VenueError) -> BookSnapshot {
        guard let quote = try await quotes(for: [symbol])[symbol] else { throw VenueError(.notFound, message: "book: no quote of \(symbol)") }
        let levels = depth > 0
        return BookSnapshot(
            symbol: symbol, bids: levels ? [.init(price: quote.bid, quantity: quote.bidSize)] : [],
            asks: levels ? [.init(price: quote.ask, quantity: quote.askSize)] : [], time: quote.time)
    }

    /// A stock's rules from its contract details: its minimum tick, its size increment and minimum.
    ///
    /// - Throws: ``VenueError`` `not_found` for a stock IB does not list (200), `malformed_reply`.
    public func rules(for symbol: Symbol) async throws(VenueError) -> ProductRules {
        let requestID = requestID()
        var message = RequestContractData()
        message.requestID = requestID
        message.contract = try Self.contract(for: .spot(symbol))
        let answer = try await request(message, key: requestID)
        let details = answer.filter { $0.first == "10" }
        guard details.count == 1, let details = try? ContractData.decode(details[0], serverVersion: serverVersion) else {
            throw VenueError(.notFound, message: "rules: \(symbol) is \(answer.count - 1) contracts at IB, not one")
        }
        let increment = details.sizeIncrement.raw > 0 ? details.sizeIncrement : FixedPoint(1)
        do {
            return try ProductRules(
                validatingSymbol: symbol, baseIncrement: Quantity(increment), priceIncrement: Price(details.minimumTick),
                minSize: Quantity(details.minimumSize.raw > 0 ? details.minimumSize : increment), maxSize: Quantity(FixedPoint(10_000_000)),
                minNotional: .zero, status: .online)
        } catch {
            throw VenueError(.malformedReply, message: "rules: \(symbol): \(error)")
        }
    }

    /// The configured stocks IB lists, with their rules (one IB does not know is left out).
    ///
    /// - Throws: ``VenueError`` from the lookups, but `not_found`.
    public func allProducts() async throws(VenueError) -> [ProductRules] {
        var listed: [ProductRules] = []
        for symbol in configuration.products {
            do {
                listed.append(try await rules(for: symbol))
            } catch where error.code == .notFound {
                logger.warning("IB does not list a configured product", metadata: ["symbol": "\(symbol)"])
            }
        }
        return listed
    }

    /// The account's cash in its currency (available: IB's AvailableFunds; held: the rest of the
    /// cash) and each stock position as a balance in its symbol, as a spot venue holds a base
    /// currency.
    ///
    /// - Throws: ``VenueError`` from the requests.
    public func balances() async throws(VenueError) -> [Balance] {
        let requestID = requestID()
        let summary = try await request(RequestAccountSummary(requestID: requestID, group: "All", tags: "TotalCashValue,AvailableFunds"), key: requestID)
        let account = link?.account ?? ""
        var values: [String: (value: FixedPoint, currency: String)] = [:]
        for fields in summary where fields.first == "63" {
            guard let line = try? AccountSummary.decode(fields, serverVersion: serverVersion), line.account == account, let value = TWSValue.decimal(line.value) else { continue }
            values[line.tag] = (value, line.currency)
        }
        var balances: [Balance] = []
        if let cash = values["TotalCashValue"] {
            let available = min(values["AvailableFunds"]?.value ?? cash.value, cash.value)
            balances.append(Balance(currency: Currency(code: cash.currency), available: available, hold: FixedPoint(raw: cash.value.raw - available.raw)))
        }
        for position in try await positionData() where position.contract.securityType == "STK" && !position.position.isZero {
            balances.append(Balance(currency: Currency(code: position.contract.symbol), available: position.position, hold: .zero))
        }
        return balances.sorted { $0.currency < $1.currency }
    }

    /// The account's option positions, the average cost per unit of the underlying (IB reports it per contract).
    ///
    /// - Throws: ``VenueError`` from the request, `malformed_reply` for a contract that is not an option.
    public func positions() async throws(VenueError) -> [VenuePosition] {
        var positions: [VenuePosition] = []
        for position in try await positionData() where position.contract.securityType == "OPT" && !position.position.isZero {
            let contract = position.contract
            guard let multiplier = Int(contract.multiplier), multiplier > 0, let right = OptionContract.Right(rawValue: contract.right),
                Symbol.isAssetCode(contract.symbol), Symbol.isAssetCode(contract.currency)
            else {
                throw VenueError(.malformedReply, message: "positions: \(contract.localSymbol) is not an option contract")
            }
            let option = try OptionContract(
                validatingUnderlying: Symbol(base: contract.symbol, quote: contract.currency), expiry: contract.expiry, strike: Price(contract.strike),
                right: right, multiplier: multiplier)
            let perUnit = (try? position.averageCost.divided(by: FixedPoint(multiplier), rounding: .toNearestOrEven)) ?? .zero
            positions.append(VenuePosition(instrument: .option(option), quantity: Quantity(FixedPoint(raw: abs(position.position.raw))), averageCost: Price(perUnit)))
        }
        return positions
    }

    private func positionData() async throws(VenueError) -> [PositionData] {
        let answer = try await request(RequestPositions(), key: RequestKey.positions)
        try? send(CancelPositions())
        let account = link?.account ?? ""
        return answer.compactMap { fields in
            guard fields.first == "61", let position = try? PositionData.decode(fields, serverVersion: serverVersion), position.account == account else { return nil }
            return position
        }
    }
}

extension IBKRAdapter {
    /// The gateway's clock (REQ_CURRENT_TIME). Its answer also says that every message the
    /// gateway sent before it has been handled: the socket keeps their order.
    ///
    /// - Throws: ``VenueError`` from the request, `malformed_reply` for an answer that is not a time.
    public func serverTime() async throws(VenueError) -> Timestamp {
        let answer = try await request(RequestCurrentTime(), key: RequestKey.currentTime)
        guard let fields = answer.last, let time = try? CurrentTime.decode(fields, serverVersion: serverVersion),
            let stamp = try? Timestamp(validatingSecondsSinceEpoch: Int64(time.epochSeconds))
        else {
            throw VenueError(.malformedReply, message: "current time: \(answer.last ?? [])")
        }
        return stamp
    }
}
