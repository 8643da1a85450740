import TraderCore

// Executions and their commissions.

/// REQ_EXECUTIONS (7): today's executions that pass the filter (empty fields match all).
struct RequestExecutions: TWSMessage {
    var requestID = 0
    /// 0: every client's.
    var clientID = 0
    var account = ""
    /// `yyyymmdd hh:mm:ss` (New York) or followed by a zone: executions at or after it.
    var time = ""
    var symbol = ""
    var securityType = ""
    var exchange = ""
    var side = ""
    static let table = FieldTable<Self>(
        "REQ_EXECUTIONS", id: 7, version: 3,
        [
            .value("reqId", \.requestID, .int), .value("clientId", \.clientID, .int), .value("acctCode", \.account, .string),
            .value("time", \.time, .string), .value("symbol", \.symbol, .string), .value("secType", \.securityType, .string),
            .value("exchange", \.exchange, .string), .value("side", \.side, .string),
        ])
}

/// EXECUTION_DATA (11): 32 fields, no version; `requestID` −1 for a live fill.
struct ExecutionData: TWSMessage {
    var requestID = -1
    var orderID = 0
    var contract = TWSContract()
    var execID = ""
    /// `YYYYMMDD HH:MM:SS <zone>` (or the older `YYYYMMDD  HH:MM:SS`).
    var time = ""
    var account = ""
    var exchange = ""
    /// `BOT` or `SLD`.
    var side = ""
    var shares = FixedPoint.zero
    var price = FixedPoint.zero
    var permID = 0
    var clientID = 0
    var liquidation = 0
    var cumulativeQuantity = FixedPoint.zero
    var averagePrice = FixedPoint.zero
    var orderRef = ""
    var evRule = ""
    var evMultiplier: FixedPoint?
    var modelCode = ""
    /// 1 added liquidity, 2 removed it, 3 routed out.
    var lastLiquidity = 0
    var pendingPriceRevision = false
    static let table = FieldTable<Self>(
        "EXECUTION_DATA", id: 11,
        [
            .value("reqId", \.requestID, .int), .value("orderId", \.orderID, .int), .contract(\.contract, .report),
            .value("execId", \.execID, .string), .value("time", \.time, .string), .value("acctNumber", \.account, .string),
            .value("exchange", \.exchange, .string), .value("side", \.side, .string), .value("shares", \.shares, .decimal),
            .value("price", \.price, .decimal), .value("permId", \.permID, .int), .value("clientId", \.clientID, .int),
            .value("liquidation", \.liquidation, .int), .value("cumQty", \.cumulativeQuantity, .decimal), .value("avgPrice", \.averagePrice, .decimal),
            .value("orderRef", \.orderRef, .string), .value("evRule", \.evRule, .string), .value("evMultiplier", \.evMultiplier, .optionalDecimal),
            .value("modelCode", \.modelCode, .string), .value("lastLiquidity", \.lastLiquidity, .int),
            .value("pendingPriceRevision", \.pendingPriceRevision, .bool, since: 178),
        ])
}

/// EXECUTION_DATA_END (55).
struct ExecutionDataEnd: TWSMessage {
    var requestID = 0
    static let table = FieldTable<Self>("EXECUTION_DATA_END", id: 55, version: 1, [.value("reqId", \.requestID, .int)])
}

/// COMMISSION_REPORT (59): 8 fields; an opening fill's realized PnL is UNSET.
struct CommissionReport: TWSMessage {
    var execID = ""
    var commission = FixedPoint.zero
    var currency = ""
    var realizedPNL: FixedPoint?
    var yield: FixedPoint?
    var yieldRedemptionDate: Int?
    static let table = FieldTable<Self>(
        "COMMISSION_REPORT", id: 59, version: 1,
        [
            .value("execId", \.execID, .string), .value("commission", \.commission, .decimal), .value("currency", \.currency, .string),
            .value("realizedPNL", \.realizedPNL, .optionalDecimal), .value("yield", \.yield, .optionalDecimal),
            .value("yieldRedemptionDate", \.yieldRedemptionDate, .optionalInt),
        ])
}
