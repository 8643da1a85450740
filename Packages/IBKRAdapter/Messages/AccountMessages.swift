import TraderCore

// Positions and the account.

/// REQ_POSITIONS (61): a subscription to every position.
struct RequestPositions: TWSMessage {
    static let table = FieldTable<Self>("REQ_POSITIONS", id: 61, version: 1, [])
}

/// CANCEL_POSITIONS (64).
struct CancelPositions: TWSMessage {
    static let table = FieldTable<Self>("CANCEL_POSITIONS", id: 64, version: 1, [])
}

/// POSITION_DATA (61): 16 fields; the average cost is per contract (an option's premium × multiplier).
struct PositionData: TWSMessage {
    var account = ""
    var contract = TWSContract()
    var position = FixedPoint.zero
    var averageCost = FixedPoint.zero
    static let table = FieldTable<Self>(
        "POSITION_DATA", id: 61, version: 3,
        [
            .value("account", \.account, .string), .contract(\.contract, .report), .value("position", \.position, .decimal),
            .value("avgCost", \.averageCost, .decimal),
        ])
}

/// POSITION_END (62).
struct PositionEnd: TWSMessage {
    static let table = FieldTable<Self>("POSITION_END", id: 62, version: 1, [])
}

/// REQ_ACCOUNT_SUMMARY (62): `tags` (comma-separated) for the accounts of `group`.
struct RequestAccountSummary: TWSMessage {
    var requestID = 0
    var group = "All"
    var tags = ""
    static let table = FieldTable<Self>(
        "REQ_ACCOUNT_SUMMARY", id: 62, version: 1,
        [.value("reqId", \.requestID, .int), .value("group", \.group, .string), .value("tags", \.tags, .string)])
}

/// CANCEL_ACCOUNT_SUMMARY (63).
struct CancelAccountSummary: TWSMessage {
    var requestID = 0
    static let table = FieldTable<Self>("CANCEL_ACCOUNT_SUMMARY", id: 63, version: 1, [.value("reqId", \.requestID, .int)])
}

/// ACCOUNT_SUMMARY (63): one tag's value.
struct AccountSummary: TWSMessage {
    var requestID = 0
    var account = ""
    var tag = ""
    var value = ""
    var currency = ""
    static let table = FieldTable<Self>(
        "ACCOUNT_SUMMARY", id: 63, version: 1,
        [
            .value("reqId", \.requestID, .int), .value("account", \.account, .string), .value("tag", \.tag, .string),
            .value("value", \.value, .string), .value("currency", \.currency, .string),
        ])
}

/// ACCOUNT_SUMMARY_END (64).
struct AccountSummaryEnd: TWSMessage {
    var requestID = 0
    static let table = FieldTable<Self>("ACCOUNT_SUMMARY_END", id: 64, version: 1, [.value("reqId", \.requestID, .int)])
}
