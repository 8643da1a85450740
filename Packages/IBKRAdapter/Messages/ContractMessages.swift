import TraderCore

// Contracts and option chains.

/// REQ_CONTRACT_DATA (9): the contracts matching a partial one.
struct RequestContractData: TWSMessage {
    var requestID = 0
    var contract = TWSContract()
    var includeExpired = false
    static let table = FieldTable<Self>(
        "REQ_CONTRACT_DATA", id: 9, version: 8,
        [
            .value("reqId", \.requestID, .int), .contract(\.contract, .request), .value("includeExpired", \.includeExpired, .bool),
            .fixed("secIdType, secId", "", ""), .fixed("issuerId", "", since: 176),
        ])
}

/// CONTRACT_DATA (10) from server version 164: 40 fields with an empty security-id list.
struct ContractData: TWSMessage {
    var requestID = 0
    var contract = TWSContract()
    var marketName = ""
    var minimumTick = FixedPoint.zero
    var orderTypes = ""
    var validExchanges = ""
    var underlyingConID = 0
    var longName = ""
    var contractMonth = ""
    /// TWS's zone name (`US/Eastern`).
    var timeZoneID = ""
    /// `YYYYMMDD:HHMM-YYYYMMDD:HHMM;…` or `YYYYMMDD:CLOSED`, in ``timeZoneID``.
    var tradingHours = ""
    var liquidHours = ""
    var underlyingSymbol = ""
    var underlyingSecurityType = ""
    var marketRuleIDs = ""
    var realExpirationDate = ""
    var stockType = ""
    var minimumSize = FixedPoint.zero
    var sizeIncrement = FixedPoint.zero
    var suggestedSizeIncrement = FixedPoint.zero
    static let table = FieldTable<Self>(
        "CONTRACT_DATA", id: 10,
        [
            .value("reqId", \.requestID, .int), .value("symbol", \.contract.symbol, .string), .value("secType", \.contract.securityType, .string),
            .value("lastTradeDateOrContractMonth", \.contract.expiry, .string), .value("strike", \.contract.strike, TWSContract.strikeCodec),
            .value("right", \.contract.right, .string), .value("exchange", \.contract.exchange, .string),
            .value("currency", \.contract.currency, .string), .value("localSymbol", \.contract.localSymbol, .string),
            .value("marketName", \.marketName, .string), .value("tradingClass", \.contract.tradingClass, .string),
            .value("conId", \.contract.conID, .int), .value("minTick", \.minimumTick, .decimal), .value("multiplier", \.contract.multiplier, .string),
            .value("orderTypes", \.orderTypes, .string), .value("validExchanges", \.validExchanges, .string), .fixed("priceMagnifier", "1"),
            .value("underConId", \.underlyingConID, .int), .value("longName", \.longName, .string),
            .value("primaryExchange", \.contract.primaryExchange, .string), .value("contractMonth", \.contractMonth, .string),
            .fixed("industry, category, subcategory", "", "", ""), .value("timeZoneId", \.timeZoneID, .string),
            .value("tradingHours", \.tradingHours, .string), .value("liquidHours", \.liquidHours, .string), .fixed("evRule, evMultiplier", "", ""),
            .countedBlock("secIdListCount", width: 2), .fixed("aggGroup", ""), .value("underSymbol", \.underlyingSymbol, .string),
            .value("underSecType", \.underlyingSecurityType, .string), .value("marketRuleIds", \.marketRuleIDs, .string),
            .value("realExpirationDate", \.realExpirationDate, .string), .value("stockType", \.stockType, .string),
            .value("minSize", \.minimumSize, .decimal, since: 164), .value("sizeIncrement", \.sizeIncrement, .decimal, since: 164),
            .value("suggestedSizeIncrement", \.suggestedSizeIncrement, .decimal, since: 164),
        ])
}

/// CONTRACT_DATA_END (52).
struct ContractDataEnd: TWSMessage {
    var requestID = 0
    static let table = FieldTable<Self>("CONTRACT_DATA_END", id: 52, version: 1, [.value("reqId", \.requestID, .int)])
}

/// REQ_SEC_DEF_OPT_PARAMS (78): a stock's option chain (its conId required).
struct RequestOptionParameters: TWSMessage {
    var requestID = 0
    var underlyingSymbol = ""
    var futuresExchange = ""
    var underlyingSecurityType = "STK"
    var underlyingConID = 0
    static let table = FieldTable<Self>(
        "REQ_SEC_DEF_OPT_PARAMS", id: 78,
        [
            .value("reqId", \.requestID, .int), .value("underlyingSymbol", \.underlyingSymbol, .string),
            .value("futFopExchange", \.futuresExchange, .string), .value("underlyingSecType", \.underlyingSecurityType, .string),
            .value("underlyingConId", \.underlyingConID, .int),
        ])
}

/// SECURITY_DEFINITION_OPTION_PARAMETER (75): one exchange's expiries and strikes (the strikes are
/// the union over the expiries).
struct OptionParameters: TWSMessage {
    var requestID = 0
    var exchange = ""
    var underlyingConID = 0
    var tradingClass = ""
    var multiplier = ""
    var expiries: [String] = []
    var strikes: [FixedPoint] = []
    static let table = FieldTable<Self>(
        "SECURITY_DEFINITION_OPTION_PARAMETER", id: 75,
        [
            .value("reqId", \.requestID, .int), .value("exchange", \.exchange, .string), .value("underlyingConId", \.underlyingConID, .int),
            .value("tradingClass", \.tradingClass, .string), .value("multiplier", \.multiplier, .string), .list("expirations", \.expiries, .string),
            .list("strikes", \.strikes, .decimal),
        ])
}

/// SECURITY_DEFINITION_OPTION_PARAMETER_END (76).
struct OptionParametersEnd: TWSMessage {
    var requestID = 0
    static let table = FieldTable<Self>("SECURITY_DEFINITION_OPTION_PARAMETER_END", id: 76, [.value("reqId", \.requestID, .int)])
}
