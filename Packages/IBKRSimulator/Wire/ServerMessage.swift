import TraderCore

/// The messages the gateway sends, each built to its layout at server version 178 (the
/// reference's §3.2 and §4). Numbers are written as exact decimals (`189.5`), booleans as `0`/`1`,
/// UNSET as an empty field, except where a client parses the field as a count or a flag.
enum ServerMessage {
    /// The server version every connection is answered with.
    static let serverVersion = 178
    /// TWS's UNSET double, which it sends for an opening fill's realized PnL.
    static let unsetDouble = "1.7976931348623157E308"

    /// The handshake's answer: exactly two fields, the version and the connection time.
    static func versionReply(connectionTime: String) -> [String] { [String(serverVersion), connectionTime] }

    /// MANAGED_ACCTS (15): exactly three fields.
    static func managedAccounts(_ accounts: [String]) -> [String] { ["15", "1", accounts.joined(separator: ",")] }

    /// NEXT_VALID_ID (9): exactly three fields.
    static func nextValidID(_ id: Int) -> [String] { ["9", "1", String(id)] }

    /// ERR_MSG (4) at 166 ≤ v < 194: `4, 2, reqId, code, text, advancedOrderRejectJson`.
    static func error(_ requestID: Int, code: Int, _ text: String) -> [String] { ["4", "2", String(requestID), String(code), text, ""] }

    /// CURRENT_TIME (49).
    static func currentTime(_ time: Timestamp) -> [String] { ["49", "1", String(time.secondsSinceEpoch)] }

    /// ORDER_STATUS (3): 12 fields, no version.
    static func orderStatus(_ order: GatewayOrder) -> [String] {
        [
            "3", String(order.orderID), order.status.rawValue, order.filled.description, order.remaining.description,
            order.averageFillPrice.description, String(order.permID), String(order.parentID), order.lastFillPrice.description,
            String(order.clientID), "", "0",
        ]
    }

    /// OPEN_ORDER (5): 127 fields for a non-combo order without conditions or algo, no version.
    static func openOrder(_ order: GatewayOrder) -> [String] {
        var fields = [String](repeating: "", count: 127)
        fields[0] = "5"
        fields[1] = String(order.orderID)
        fields.replaceSubrange(2...12, with: order.contract.orderFields)
        fields[13] = order.action
        fields[14] = order.quantity.description
        fields[15] = order.orderType
        fields[16] = order.limitPriceText
        fields[17] = order.auxPriceText
        fields[18] = order.timeInForce
        fields[19] = order.ocaGroup
        fields[20] = order.account
        fields[21] = "O"
        fields[22] = "0"
        fields[23] = order.orderRef
        fields[24] = String(order.clientID)
        fields[25] = String(order.permID)
        fields[26] = order.outsideRTH ? "1" : "0"
        // hidden, discretionaryAmt, shortSaleSlot, exemptCode, auctionStrategy
        (fields[27], fields[28], fields[39], fields[41], fields[42]) = ("0", "0", "0", "-1", "0")
        // displaySize, blockOrder, sweepToFill, allOrNone
        for index in 48...51 { fields[index] = "0" }
        fields[53] = String(order.ocaType)
        (fields[54], fields[55]) = ("0", "0")
        fields[57] = String(order.parentID)
        (fields[58], fields[60]) = ("0", "0")  // triggerMethod, volatilityType
        (fields[63], fields[64]) = ("0", "0")  // continuousUpdate, referencePriceType
        // comboLegsCount, orderComboLegsCount, smartComboRoutingParamsCount: parsed as counts
        for index in 70...72 { fields[index] = "0" }
        (fields[77], fields[80], fields[81]) = ("0", "0", "0")  // optOutSmartRouting, notHeld, deltaNeutralContract present
        (fields[83], fields[84]) = ("0", "0")  // solicited, whatIf
        fields[85] = order.status.rawValue
        (fields[100], fields[101], fields[102]) = ("0", "0", "0")  // randomizeSize, randomizePrice, conditionsCount
        (fields[115], fields[116], fields[118], fields[121]) = ("0", "0", "0", "0")
        return fields
    }

    /// OPEN_ORDER_END (53).
    static let openOrderEnd = ["53", "1"]
    /// COMPLETED_ORDERS_END (102): a single field.
    static let completedOrdersEnd = ["102"]

    /// EXECUTION_DATA (11): 32 fields, `requestID` −1 for a live fill.
    static func execution(_ execution: GatewayExecution, requestID: Int, time: String) -> [String] {
        ["11", String(requestID), String(execution.orderID)] + execution.contract.orderFields + [
            execution.execID, time, execution.account, GatewayContract.listingExchange, execution.isBuy ? "BOT" : "SLD",
            execution.shares.description, execution.price.description, String(execution.permID), String(execution.clientID), "0",
            execution.cumulativeQuantity.description, execution.averagePrice.description, execution.orderRef, "", "", "",
            execution.addedLiquidity ? "1" : "2", "0",
        ]
    }

    /// EXECUTION_DATA_END (55).
    static func executionEnd(_ requestID: Int) -> [String] { ["55", "1", String(requestID)] }

    /// COMMISSION_REPORT (59): 8 fields; an opening fill's realized PnL and the yield UNSET, as TWS sends them.
    static func commissionReport(_ execution: GatewayExecution) -> [String] {
        ["59", "1", execution.execID, execution.commission.description, "USD", execution.realizedPNL?.description ?? unsetDouble, unsetDouble, ""]
    }

    /// POSITION_DATA (61): 16 fields.
    static func position(account: String, _ contract: GatewayContract, quantity: FixedPoint, averageCost: FixedPoint) -> [String] {
        ["61", "3", account] + contract.orderFields + [quantity.description, averageCost.description]
    }

    /// POSITION_END (62).
    static let positionEnd = ["62", "1"]

    /// ACCT_VALUE (6).
    static func accountValue(_ key: String, _ value: String, currency: String, account: String) -> [String] { ["6", "2", key, value, currency, account] }

    /// PORTFOLIO_VALUE (7): 20 fields.
    static func portfolioValue(
        _ contract: GatewayContract, quantity: FixedPoint, marketPrice: FixedPoint, marketValue: FixedPoint, averageCost: FixedPoint,
        unrealizedPNL: FixedPoint, realizedPNL: FixedPoint, account: String
    ) -> [String] {
        [
            "7", "8", String(contract.conID), contract.symbol, contract.securityType.rawValue, contract.expiry, contract.strikeText,
            contract.right, contract.multiplier, contract.primaryExchange, contract.currency, contract.localSymbol, contract.tradingClass,
            quantity.description, marketPrice.description, marketValue.description, averageCost.description, unrealizedPNL.description,
            realizedPNL.description, account,
        ]
    }

    /// ACCT_UPDATE_TIME (8): `HH:MM`.
    static func accountUpdateTime(_ clock: String) -> [String] { ["8", "1", clock] }
    /// ACCT_DOWNLOAD_END (54).
    static func accountDownloadEnd(_ account: String) -> [String] { ["54", "1", account] }
    /// ACCOUNT_UPDATE_MULTI (73).
    static func accountUpdateMulti(_ requestID: Int, account: String, key: String, value: String, currency: String) -> [String] {
        ["73", "1", String(requestID), account, "", key, value, currency]
    }
    /// ACCOUNT_UPDATE_MULTI_END (74).
    static func accountUpdateMultiEnd(_ requestID: Int) -> [String] { ["74", "1", String(requestID)] }
    /// ACCOUNT_SUMMARY (63).
    static func accountSummary(_ requestID: Int, account: String, tag: String, value: String, currency: String) -> [String] {
        ["63", "1", String(requestID), account, tag, value, currency]
    }
    /// ACCOUNT_SUMMARY_END (64).
    static func accountSummaryEnd(_ requestID: Int) -> [String] { ["64", "1", String(requestID)] }

    /// CONTRACT_DATA (10): 40 fields with an empty secIdList, no version (≥ 164).
    static func contractData(_ requestID: Int, _ contract: GatewayContract, longName: String, underlyingConID: Int, tradingHours: String, liquidHours: String)
        -> [String]
    {
        let isOption = contract.securityType == .option
        return [
            "10", String(requestID), contract.symbol, contract.securityType.rawValue, contract.expiry, contract.strikeText, contract.right,
            GatewayContract.exchange, contract.currency, contract.localSymbol, contract.tradingClass, contract.tradingClass,
            String(contract.conID), "0.01", isOption ? contract.multiplier : "", "LMT,MKT,STP",
            "SMART,\(GatewayContract.listingExchange)", "1", isOption ? String(underlyingConID) : "0", longName, contract.primaryExchange,
            isOption ? String(contract.expiry.prefix(6)) : "", "", "", "", EasternTime.twsZoneName, tradingHours, liquidHours, "", "", "0", "",
            isOption ? contract.symbol : "", isOption ? "STK" : "", "26", isOption ? contract.expiry : "", isOption ? "" : "COMMON", "1", "1", "1",
        ]
    }

    /// CONTRACT_DATA_END (52).
    static func contractDataEnd(_ requestID: Int) -> [String] { ["52", "1", String(requestID)] }

    /// HISTORICAL_DATA (17) below 196: the bars and the end in one message.
    static func historicalData(_ requestID: Int, start: String, end: String, bars: [(date: String, candle: Candle)]) -> [String] {
        var fields = ["17", String(requestID), start, end, String(bars.count)]
        fields.reserveCapacity(fields.count + bars.count * 8)
        for (date, candle) in bars {
            fields += [
                date, candle.open.description, candle.high.description, candle.low.description, candle.close.description,
                candle.volume.description, Self.typicalPrice(candle).description, "1",
            ]
        }
        return fields
    }

    /// A bar's average price stand-in: (high + low + close) / 3 to the cent (the replay has no VWAP).
    static func typicalPrice(_ candle: Candle) -> FixedPoint {
        let sum = candle.high.value.raw + candle.low.value.raw + candle.close.value.raw
        let cent = FixedPoint.scale / 100
        return FixedPoint(raw: (sum / 3 + cent / 2) / cent * cent)
    }

    /// SECURITY_DEFINITION_OPTION_PARAMETER (75), no version.
    static func optionParameters(_ requestID: Int, underlyingConID: Int, tradingClass: String, expiries: [String], strikes: [FixedPoint]) -> [String] {
        ["75", String(requestID), GatewayContract.exchange, String(underlyingConID), tradingClass, "100", String(expiries.count)] + expiries
            + [String(strikes.count)] + strikes.map(\.description)
    }

    /// SECURITY_DEFINITION_OPTION_PARAMETER_END (76), no version.
    static func optionParametersEnd(_ requestID: Int) -> [String] { ["76", String(requestID)] }

    /// MARKET_DATA_TYPE (58).
    static func marketDataType(_ requestID: Int, _ type: Int) -> [String] { ["58", "1", String(requestID), String(type)] }
    /// TICK_PRICE (1): exactly 7 fields.
    static func tickPrice(_ requestID: Int, type: Int, price: FixedPoint, size: FixedPoint) -> [String] {
        ["1", "6", String(requestID), String(type), price.description, size.description, "0"]
    }
    /// TICK_SIZE (2).
    static func tickSize(_ requestID: Int, type: Int, size: FixedPoint) -> [String] { ["2", "6", String(requestID), String(type), size.description] }
    /// TICK_OPTION_COMPUTATION (21): exactly 12 fields, no version; −2 where a greek was not computed.
    static func optionComputation(_ requestID: Int, type: Int, impliedVolatility: Double, delta: Double, price: FixedPoint, underlying: FixedPoint)
        -> [String]
    {
        ["21", String(requestID), String(type), "1", String(impliedVolatility), String(delta), price.description, "-1", "-2", "-2", "-2", underlying.description]
    }
    /// TICK_SNAPSHOT_END (57).
    static func tickSnapshotEnd(_ requestID: Int) -> [String] { ["57", "1", String(requestID)] }
}
