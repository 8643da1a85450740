/// `POST /orders/preview`.
struct WirePreview: Decodable, Sendable {
    let orderTotal: CoinbaseDecimal?
    let commissionTotal: CoinbaseDecimal?
    let errs: [String]?
    let quoteSize: CoinbaseDecimal?
    let baseSize: CoinbaseDecimal?
    let bestBid: CoinbaseDecimal?
    let bestAsk: CoinbaseDecimal?
    let slippage: CoinbaseDecimal?

    enum CodingKeys: String, CodingKey {
        case errs, slippage
        case orderTotal = "order_total", commissionTotal = "commission_total", quoteSize = "quote_size", baseSize = "base_size"
        case bestBid = "best_bid", bestAsk = "best_ask"
    }
}

/// `GET /transaction_summary`: the fee tier (its rates are strings; the volumes are JSON numbers).
struct WireTransactionSummary: Decodable, Sendable {
    struct Tier: Decodable, Sendable {
        let pricingTier: String?
        let takerFeeRate: CoinbaseDecimal?
        let makerFeeRate: CoinbaseDecimal?

        enum CodingKeys: String, CodingKey {
            case pricingTier = "pricing_tier", takerFeeRate = "taker_fee_rate", makerFeeRate = "maker_fee_rate"
        }
    }
    let totalVolume: CoinbaseDecimal?
    let totalFees: CoinbaseDecimal?
    let feeTier: Tier?

    enum CodingKeys: String, CodingKey {
        case totalVolume = "total_volume", totalFees = "total_fees", feeTier = "fee_tier"
    }
}

/// `GET /products/{id}/ticker`: trades, newest first, and the best bid and ask.
struct WireMarketTrades: Decodable, Sendable {
    struct Trade: Decodable, Sendable {
        let tradeID: String?
        let productID: String?
        let price: CoinbaseDecimal?
        let size: CoinbaseDecimal?
        let time: String?
        let side: String?

        enum CodingKeys: String, CodingKey {
            case price, size, time, side
            case tradeID = "trade_id", productID = "product_id"
        }
    }
    let trades: [Trade]?
    let bestBid: CoinbaseDecimal?
    let bestAsk: CoinbaseDecimal?

    enum CodingKeys: String, CodingKey {
        case trades
        case bestBid = "best_bid", bestAsk = "best_ask"
    }
}
