/// A product as Coinbase's `GET /products` and `GET /products/{id}` send it: every field optional
/// (bodies change between years), unknown fields ignored.
struct WireProduct: Decodable, Sendable {
    let productID: String?
    let productType: String?
    let status: String?
    let baseIncrement: CoinbaseDecimal?
    let quoteIncrement: CoinbaseDecimal?
    let priceIncrement: CoinbaseDecimal?
    let baseMinSize: CoinbaseDecimal?
    let baseMaxSize: CoinbaseDecimal?
    let quoteMinSize: CoinbaseDecimal?
    let tradingDisabled: Bool?
    let isDisabled: Bool?
    let cancelOnly: Bool?
    let limitOnly: Bool?
    let postOnly: Bool?
    let auctionMode: Bool?
    let viewOnly: Bool?

    enum CodingKeys: String, CodingKey {
        case status
        case productID = "product_id", productType = "product_type", baseIncrement = "base_increment"
        case quoteIncrement = "quote_increment", priceIncrement = "price_increment", baseMinSize = "base_min_size"
        case baseMaxSize = "base_max_size", quoteMinSize = "quote_min_size", tradingDisabled = "trading_disabled"
        case isDisabled = "is_disabled", cancelOnly = "cancel_only", limitOnly = "limit_only", postOnly = "post_only"
        case auctionMode = "auction_mode", viewOnly = "view_only"
    }
}

/// `GET /products`: a page of products.
struct WireProductList: Decodable, Sendable {
    let products: [WireProduct]?
    let numProducts: Int?

    enum CodingKeys: String, CodingKey {
        case products
        case numProducts = "num_products"
    }
}
