// The messages of a connection's life: starting the API, the accounts, ids, time and errors.

/// START_API (71): the client's id, after the handshake.
struct StartAPI: TWSMessage {
    var clientID = 0
    var optionalCapabilities = ""
    static let table = FieldTable<Self>(
        "START_API", id: 71, version: 2, [.value("clientId", \.clientID, .int), .value("optionalCapabilities", \.optionalCapabilities, .string)])
}

/// MANAGED_ACCTS (15): the accounts, comma-separated.
struct ManagedAccounts: TWSMessage {
    var accounts = ""
    static let table = FieldTable<Self>("MANAGED_ACCTS", id: 15, version: 1, [.value("accountsList", \.accounts, .string)])
}

/// NEXT_VALID_ID (9): the gateway's next order id.
struct NextValidID: TWSMessage {
    var orderID = 0
    static let table = FieldTable<Self>("NEXT_VALID_ID", id: 9, version: 1, [.value("orderId", \.orderID, .int)])
}

/// REQ_IDS (8): asks for NEXT_VALID_ID.
struct RequestIDs: TWSMessage {
    var count = 1
    static let table = FieldTable<Self>("REQ_IDS", id: 8, version: 1, [.value("numIds", \.count, .int)])
}

/// REQ_CURRENT_TIME (49).
struct RequestCurrentTime: TWSMessage {
    static let table = FieldTable<Self>("REQ_CURRENT_TIME", id: 49, version: 1, [])
}

/// CURRENT_TIME (49): the gateway's clock, epoch seconds.
struct CurrentTime: TWSMessage {
    var epochSeconds = 0
    static let table = FieldTable<Self>("CURRENT_TIME", id: 49, version: 1, [.value("time", \.epochSeconds, .int)])
}

/// ERR_MSG (4) below 194: an error, a warning or a notice; `requestID` is −1 for the system, an
/// order id for an order, a request id for a request.
struct ErrorMessage: TWSMessage {
    var requestID = -1
    var code = 0
    var text = ""
    var advancedOrderRejectJSON = ""
    static let table = FieldTable<Self>(
        "ERR_MSG", id: 4, version: 2,
        [
            .value("id", \.requestID, .int), .value("errorCode", \.code, .int), .value("errorMsg", \.text, .string),
            .value("advancedOrderRejectJson", \.advancedOrderRejectJSON, .string, since: 166),
        ])
}

/// REQ_MARKET_DATA_TYPE (59): live (1), frozen (2), delayed (3), delayed-frozen (4).
struct RequestMarketDataType: TWSMessage {
    var marketDataType = 1
    static let table = FieldTable<Self>("REQ_MARKET_DATA_TYPE", id: 59, version: 1, [.value("marketDataType", \.marketDataType, .int)])
}
