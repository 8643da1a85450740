/// An order as `GET /orders/historical/{id}` and `/orders/historical/batch` send it.
struct WireOrder: Decodable, Sendable {
    let orderID: String?
    let productID: String?
    let side: String?
    let clientOrderID: String?
    let status: String?
    let filledSize: CoinbaseDecimal?
    let averageFilledPrice: CoinbaseDecimal?
    let createdTime: String?
    let lastFillTime: String?
    let rejectReason: String?
    let rejectMessage: String?
    let cancelMessage: String?

    enum CodingKeys: String, CodingKey {
        case side, status
        case orderID = "order_id", productID = "product_id", clientOrderID = "client_order_id", filledSize = "filled_size"
        case averageFilledPrice = "average_filled_price", createdTime = "created_time", lastFillTime = "last_fill_time"
        case rejectReason = "reject_reason", rejectMessage = "reject_message", cancelMessage = "cancel_message"
    }
}

/// `GET /orders/historical/{id}`.
struct WireOrderAnswer: Decodable, Sendable {
    let order: WireOrder?
}

/// `GET /orders/historical/batch`: a page of orders, newest first.
struct WireOrderList: Decodable, Sendable {
    let orders: [WireOrder]?
    let hasNext: Bool?
    let cursor: String?

    enum CodingKeys: String, CodingKey {
        case orders, cursor
        case hasNext = "has_next"
    }
}

/// A fill as `GET /orders/historical/fills` sends it.
struct WireFill: Decodable, Sendable {
    let entryID: String?
    let tradeID: String?
    let orderID: String?
    let tradeTime: String?
    let tradeType: String?
    let price: CoinbaseDecimal?
    let size: CoinbaseDecimal?
    let commission: CoinbaseDecimal?
    let productID: String?
    let liquidityIndicator: String?
    let side: String?

    enum CodingKeys: String, CodingKey {
        case price, size, commission, side
        case entryID = "entry_id", tradeID = "trade_id", orderID = "order_id", tradeTime = "trade_time", tradeType = "trade_type"
        case productID = "product_id", liquidityIndicator = "liquidity_indicator"
    }
}

/// `GET /orders/historical/fills`: a page of fills; the last page has an empty cursor.
struct WireFillList: Decodable, Sendable {
    let fills: [WireFill]?
    let cursor: String?
}
