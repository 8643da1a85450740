import TraderCore

// Orders: placing, cancelling, and what the gateway reports of them.

/// PLACE_ORDER (3) at server version 178, for a non-combo LMT, MKT or STP order, a bracket or an
/// OCA member: 114 fields, the unmodelled ones written as ib_async 2.1.0 writes them (the
/// reference's §4.1 capture).
struct PlaceOrder: TWSMessage {
    var orderID = 0
    var contract = TWSContract()
    /// `BUY` or `SELL`.
    var action = ""
    var totalQuantity = FixedPoint.zero
    /// `LMT`, `MKT`, `STP`.
    var orderType = ""
    var limitPrice: FixedPoint?
    /// The stop price of a STP order.
    var auxPrice: FixedPoint?
    /// `DAY`, `GTC`, `IOC`, `GTD`; empty is TWS's default (DAY).
    var timeInForce = ""
    var ocaGroup = ""
    var account = ""
    /// Free text IB echoes in OPEN_ORDER and EXECUTION_DATA: the client order id.
    var orderRef = ""
    /// Zero holds the order until a later one of its group transmits.
    var transmit = true
    var parentID = 0
    var outsideRTH = false
    /// `YYYYMMDD HH:MM:SS <tz>` for a GTD order.
    var goodTillDate = ""
    /// 0 none, 1 cancel the rest with block, 2 and 3 reduce.
    var ocaType = 0

    static let table = FieldTable<Self>(
        "PLACE_ORDER", id: 3,
        [
            .value("orderId", \.orderID, .int), .contract(\.contract, .request), .fixed("secIdType, secId", "", ""),
            .value("action", \.action, .string), .value("totalQuantity", \.totalQuantity, .decimal), .value("orderType", \.orderType, .string),
            .value("lmtPrice", \.limitPrice, .optionalDecimal), .value("auxPrice", \.auxPrice, .optionalDecimal), .value("tif", \.timeInForce, .string),
            .value("ocaGroup", \.ocaGroup, .string), .value("account", \.account, .string), .fixed("openClose, origin", "O", "0"),
            .value("orderRef", \.orderRef, .string), .value("transmit", \.transmit, .bool), .value("parentId", \.parentID, .int),
            .fixed("blockOrder, sweepToFill, displaySize, triggerMethod", "0", "0", "0", "0"), .value("outsideRth", \.outsideRTH, .bool),
            .fixed("hidden, sharesAllocation, discretionaryAmt, goodAfterTime", "0", "", "0.0", ""), .value("goodTillDate", \.goodTillDate, .string),
            .fixed("faGroup, faMethod, faPercentage", "", "", ""), .fixed("faProfile", "", until: 177),
            .fixed("modelCode, shortSaleSlot, designatedLocation, exemptCode", "", "0", "", "-1"), .value("ocaType", \.ocaType, .int),
            .fixed(
                "rule80A … usePriceMgmtAlgo", "", "", "0", "", "", "0", "0", "", "0", "", "", "", "", "", "0", "", "", "", "", "0", "", "", "", "", "", "", "", "",
                "", "", "0", "", "", "0", "0", "", "", "0", "", "0", "0", "0", "0", "", "", "", "", "", "", "0", "", "", "", "", "", "", "", "", "0", "0", "0",
                "0"),
            .fixed("duration", "", since: 158), .fixed("postToAts", "", since: 160), .fixed("autoCancelParent", "0", since: 162),
            .fixed("advancedErrorOverride", "", since: 166), .fixed("manualOrderTime", "", since: 169),
        ])
}

/// CANCEL_ORDER (4).
struct CancelOrder: TWSMessage {
    var orderID = 0
    static let table = FieldTable<Self>(
        "CANCEL_ORDER", id: 4, version: 1, [.value("orderId", \.orderID, .int), .fixed("manualOrderCancelTime", "", since: 169)])
}

/// REQ_GLOBAL_CANCEL (58): cancels every open order of the account.
struct RequestGlobalCancel: TWSMessage {
    static let table = FieldTable<Self>("REQ_GLOBAL_CANCEL", id: 58, version: 1, [])
}

/// REQ_OPEN_ORDERS (5): this client's open orders.
struct RequestOpenOrders: TWSMessage {
    static let table = FieldTable<Self>("REQ_OPEN_ORDERS", id: 5, version: 1, [])
}

/// REQ_ALL_OPEN_ORDERS (16): every client's open orders.
struct RequestAllOpenOrders: TWSMessage {
    static let table = FieldTable<Self>("REQ_ALL_OPEN_ORDERS", id: 16, version: 1, [])
}

/// OPEN_ORDER_END (53).
struct OpenOrderEnd: TWSMessage {
    static let table = FieldTable<Self>("OPEN_ORDER_END", id: 53, version: 1, [])
}

/// ORDER_STATUS (3): 12 fields, no version.
struct OrderStatus: TWSMessage {
    var orderID = 0
    /// IB's status (`Submitted`, `Filled`, …).
    var status = ""
    var filled = FixedPoint.zero
    var remaining = FixedPoint.zero
    var averageFillPrice = FixedPoint.zero
    var permID = 0
    var parentID = 0
    var lastFillPrice = FixedPoint.zero
    var clientID = 0
    var whyHeld = ""
    var marketCapPrice = FixedPoint.zero
    static let table = FieldTable<Self>(
        "ORDER_STATUS", id: 3,
        [
            .value("orderId", \.orderID, .int), .value("status", \.status, .string), .value("filled", \.filled, .decimal),
            .value("remaining", \.remaining, .decimal), .value("avgFillPrice", \.averageFillPrice, .decimal), .value("permId", \.permID, .int),
            .value("parentId", \.parentID, .int), .value("lastFillPrice", \.lastFillPrice, .decimal), .value("clientId", \.clientID, .int),
            .value("whyHeld", \.whyHeld, .string), .value("mktCapPrice", \.marketCapPrice, .decimal),
        ])
}
