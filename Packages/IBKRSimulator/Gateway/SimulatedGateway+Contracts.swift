import TraderCore

extension SimulatedGateway {
    /// How many weekly expiries the chain lists.
    static let listedExpiries = 8

    /// The contract a request names, when the gateway lists exactly one: a stock by conId or
    /// symbol, an option by conId, OCC local symbol, or underlying, expiry, strike and right.
    func resolve(_ request: ContractRequest) -> GatewayContract? {
        let matches = contracts(matching: request)
        return matches.count == 1 ? matches[0] : nil
    }

    /// Every contract a request matches: a stock, or the options the chain lists that agree with
    /// every field the request set (an option request without a strike lists every strike).
    func contracts(matching request: ContractRequest) -> [GatewayContract] {
        if let conID = request.conID {
            if let stock = stocks.values.first(where: { $0.conID == conID }) { return [stock] }
            if let held = positions[conID]?.contract ?? orders.values.first(where: { $0.contract.conID == conID })?.contract { return [held] }
            return listedOptions(ofAny: stocks.keys.sorted()).filter { $0.conID == conID }
        }
        guard request.currency.isEmpty || request.currency == "USD" else { return [] }
        switch request.securityType {
        case "STK":
            return stocks[request.symbol].map { [$0] } ?? []
        case "OPT":
            if let named = namedOption(request) { return [named] }
            let underlyings = request.symbol.isEmpty ? stocks.keys.sorted() : [request.symbol]
            return listedOptions(ofAny: underlyings).filter { option in
                (request.localSymbol.isEmpty || option.localSymbol == request.localSymbol) && (request.expiry.isEmpty || option.expiry.hasPrefix(request.expiry))
                    && (request.strike == nil || option.strike == request.strike) && (request.right.isEmpty || option.right == request.right)
                    && (request.multiplier.isEmpty || request.multiplier == "100")
            }
        default:
            return []
        }
    }

    /// The option a request names in full (underlying, expiry, strike on the 0.5 grid, right),
    /// listed or not yet: a contract the chain listed when the price was elsewhere is still one.
    private func namedOption(_ request: ContractRequest) -> GatewayContract? {
        guard stocks[request.symbol] != nil, request.expiry.utf8.count == 8, let strike = request.strike, strike.raw > 0,
            strike.raw % (FixedPoint.scale / 2) == 0, request.right == "C" || request.right == "P",
            let weekday = eastern.weekday(request.expiry), weekday <= 5, request.expiry >= eastern.parts(now).date
        else { return nil }
        return GatewayContract.option(request.symbol, expiry: request.expiry, strike: strike, right: request.right)
    }

    /// The chain listed now for each of `underlyings`: the next ``listedExpiries`` Fridays
    /// (today's included until its close), strikes within 20 % of the last close on a grid of 1
    /// (5 from a price of 500), calls and puts.
    func listedOptions(ofAny underlyings: [String]) -> [GatewayContract] {
        underlyings.flatMap { underlying -> [GatewayContract] in
            let expiries = listedExpiryDates()
            return expiries.flatMap { expiry in
                strikes(of: underlying).flatMap { strike in
                    ["C", "P"].map { GatewayContract.option(underlying, expiry: expiry, strike: strike, right: $0) }
                }
            }
        }
    }

    /// The listed expiries, `YYYYMMDD`.
    func listedExpiryDates() -> [String] {
        let (today, clock) = eastern.parts(now)
        guard let weekday = eastern.weekday(today), let midnight = eastern.timestamp(date: today, time: "12:00:00") else { return [] }
        var daysToFriday = (5 - weekday + 7) % 7
        if daysToFriday == 0 && clock >= "16:00:00" { daysToFriday = 7 }
        return (0..<Self.listedExpiries).map { week in
            eastern.parts(midnight.advanced(bySeconds: Int64((daysToFriday + 7 * week) * 86_400))).date
        }
    }

    /// The listed strikes of `underlying`: 20 % either side of its last close.
    func strikes(of underlying: String) -> [FixedPoint] {
        guard let close = lastCloses[underlying]?.close.value.doubleValue else { return [] }
        let step = close < 500 ? 1.0 : 5.0
        let low = ((close * 0.8) / step).rounded(.up)
        let high = ((close * 1.2) / step).rounded(.down)
        guard low <= high else { return [] }
        return stride(from: low, through: high, by: 1).map { FixedPoint(raw: Int64($0 * step) * FixedPoint.scale) }
    }

    /// REQ_CONTRACT_DATA: CONTRACT_DATA for each match, then CONTRACT_DATA_END; error 200 when
    /// nothing matches.
    func requestContractDetails(_ request: inout RequestFields, connection: Int) throws(TWSWireError) {
        request.skip(1)
        let requestID = try request.requiredInt("reqId")
        let contract = try ContractRequest(reading: &request)
        let matches = contracts(matching: contract)
        guard !matches.isEmpty else {
            return send(ServerMessage.error(requestID, code: 200, "No security definition has been found for the request"), to: connection)
        }
        let (hours, liquid) = sessionSchedule()
        for match in matches {
            let longName = match.securityType == .stock ? "\(match.symbol) (simulated)" : "\(match.symbol) option"
            send(
                ServerMessage.contractData(
                    requestID, match, longName: longName, underlyingConID: stocks[match.symbol]?.conID ?? 0, tradingHours: hours, liquidHours: liquid),
                to: connection)
        }
        send(ServerMessage.contractDataEnd(requestID), to: connection)
    }

    /// The next five days' sessions in TWS's schedule format (`20131007:0400-20131007:2000;…`,
    /// weekends `CLOSED`): trading hours with the extended sessions, liquid hours the regular one.
    func sessionSchedule() -> (trading: String, liquid: String) {
        let today = eastern.parts(now).date
        guard let noon = eastern.timestamp(date: today, time: "12:00:00") else { return ("", "") }
        var trading: [String] = []
        var liquid: [String] = []
        for day in 0..<5 {
            let date = eastern.parts(noon.advanced(bySeconds: Int64(day * 86_400))).date
            if let weekday = eastern.weekday(date), weekday >= 6 {
                trading.append("\(date):CLOSED")
                liquid.append("\(date):CLOSED")
            } else {
                trading.append("\(date):0400-\(date):2000")
                liquid.append("\(date):0930-\(date):1600")
            }
        }
        return (trading.joined(separator: ";"), liquid.joined(separator: ";"))
    }

    /// REQ_SEC_DEF_OPT_PARAMS: the chain of a listed stock (its conId required, as IB requires
    /// it), one SMART line, then the end.
    func requestOptionParameters(_ request: inout RequestFields, connection: Int) throws(TWSWireError) {
        let requestID = try request.requiredInt("reqId")
        let symbol = request.string("underlyingSymbol").uppercased()
        request.skip(2)  // futFopExchange, underlyingSecType
        let conID = try request.int("underlyingConId")
        guard let stock = stocks[symbol], conID == stock.conID else {
            return send(ServerMessage.error(requestID, code: 200, "No security definition has been found for the request"), to: connection)
        }
        send(
            ServerMessage.optionParameters(
                requestID, underlyingConID: stock.conID, tradingClass: symbol, expiries: listedExpiryDates(), strikes: strikes(of: symbol)),
            to: connection)
        send(ServerMessage.optionParametersEnd(requestID), to: connection)
    }
}
