import TraderCore

/// An option's quote, with IB's model computation when it sent one.
public struct OptionQuote: Hashable, Sendable {
    /// The contract.
    public let contract: OptionContract
    /// The best bid and ask.
    public let bid: Price
    /// See ``bid``.
    public let ask: Price
    /// The contracts shown at the bid (zero when IB sent no size).
    public let bidSize: Quantity
    /// The contracts shown at the ask (zero when IB sent no size).
    public let askSize: Quantity
    /// The model's price, implied volatility, delta and the underlying's price (tick 13); `nil`
    /// when the gateway sent none.
    public let model: Model?
    /// When the quote was taken.
    public let time: Timestamp

    /// IB's option model computation.
    public struct Model: Hashable, Sendable {
        /// The model's price of the option.
        public let price: Double
        /// The implied volatility (0.2 is 20 %).
        public let impliedVolatility: Double
        /// The delta.
        public let delta: Double
        /// The underlying's price the model used.
        public let underlyingPrice: Double
    }
}

extension IBKRAdapter {
    /// The option chain of a stock (REQ_CONTRACT_DATA for its contract id, then
    /// REQ_SEC_DEF_OPT_PARAMS), SMART's line.
    ///
    /// - Throws: ``VenueError`` `not_found` when IB lists no such stock or no options on it,
    ///   `malformed_reply` for a chain that is not one.
    public func optionChain(for underlying: Symbol) async throws(VenueError) -> OptionChain {
        let detailsID = requestID()
        var details = RequestContractData()
        details.requestID = detailsID
        details.contract = try Self.contract(for: .spot(underlying))
        let answer = try await request(details, key: detailsID).filter { $0.first == "10" }
        guard answer.count == 1, let stock = try? ContractData.decode(answer[0], serverVersion: serverVersion) else {
            throw VenueError(.notFound, message: "option chain: \(underlying) is \(answer.count) contracts at IB, not one")
        }
        let chainID = requestID()
        var chainRequest = RequestOptionParameters()
        chainRequest.requestID = chainID
        chainRequest.underlyingSymbol = underlying.base
        chainRequest.underlyingConID = stock.contract.conID
        let lines = try await request(chainRequest, key: chainID).filter { $0.first == "75" }
        let parsed = lines.compactMap { try? OptionParameters.decode($0, serverVersion: serverVersion) }
        guard let smart = parsed.first(where: { $0.exchange == "SMART" }) ?? parsed.first else {
            throw VenueError(.notFound, message: "option chain: IB lists no options on \(underlying)")
        }
        guard let multiplier = Int(smart.multiplier), multiplier > 0, smart.strikes.allSatisfy({ $0.raw > 0 }),
            smart.expiries.allSatisfy({ $0.utf8.count == 8 && Int($0) != nil })
        else {
            throw VenueError(.malformedReply, message: "option chain: \(underlying): multiplier \(smart.multiplier), \(smart.expiries.count) expiries")
        }
        return OptionChain(
            underlying: underlying, multiplier: multiplier, expiries: smart.expiries.sorted(), strikes: smart.strikes.sorted().map(Price.init))
    }

    /// An option's quote from one snapshot (REQ_MKT_DATA), with the model computation when sent.
    ///
    /// - Throws: ``VenueError`` `not_found` for a contract IB does not list or does not quote.
    public func optionQuote(for contract: OptionContract) async throws(VenueError) -> OptionQuote {
        let requestID = requestID()
        var message = RequestMarketData()
        message.requestID = requestID
        message.contract = try Self.contract(for: .option(contract))
        message.snapshot = true
        let answer = try await request(message, key: requestID)
        var bid: FixedPoint?
        var ask: FixedPoint?
        var (bidSize, askSize) = (Quantity.zero, Quantity.zero)
        var model: OptionQuote.Model?
        for fields in answer {
            if fields.first == "1", let tick = try? TickPrice.decode(fields, serverVersion: serverVersion), let price = tick.price {
                let size = tick.size.isNegative ? Quantity.zero : Quantity(tick.size)
                if tick.tickType == 1 || tick.tickType == 66 { (bid, bidSize) = (price, size) }
                if tick.tickType == 2 || tick.tickType == 67 { (ask, askSize) = (price, size) }
            }
            if fields.first == "2", let tick = try? TickSize.decode(fields, serverVersion: serverVersion), !tick.size.isNegative {
                if tick.tickType == 0 || tick.tickType == 69 { bidSize = Quantity(tick.size) }
                if tick.tickType == 3 || tick.tickType == 70 { askSize = Quantity(tick.size) }
            }
            if fields.first == "21", let computation = try? TickOptionComputation.decode(fields, serverVersion: serverVersion),
                computation.tickType == 13 || computation.tickType == 83, computation.optionPrice >= 0
            {
                model = OptionQuote.Model(
                    price: computation.optionPrice, impliedVolatility: computation.impliedVolatility, delta: computation.delta,
                    underlyingPrice: computation.underlyingPrice)
            }
        }
        guard let bid, let ask, bid.raw >= 0, ask.raw > 0, bid <= ask else {
            throw VenueError(.notFound, message: "option quote: no bid and ask for \(message.contract.localSymbol.isEmpty ? contract.underlying.description : message.contract.localSymbol)")
        }
        return OptionQuote(
            contract: contract, bid: Price(bid), ask: Price(ask), bidSize: bidSize, askSize: askSize, model: model, time: configuration.clock.now())
    }
}

extension IBKRAdapter: OptionMarketData {
    /// The option's bid and ask with their sizes (``optionQuote(for:)`` without the model), as a
    /// quote on its underlying.
    ///
    /// - Throws: as ``optionQuote(for:)``.
    public func quote(for contract: OptionContract) async throws(VenueError) -> Quote {
        let quote = try await optionQuote(for: contract)
        return Quote(symbol: contract.underlying, bid: quote.bid, ask: quote.ask, bidSize: quote.bidSize, askSize: quote.askSize, time: quote.time)
    }
}
