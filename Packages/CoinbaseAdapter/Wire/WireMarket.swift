/// An account as `GET /accounts` sends it.
struct WireAccount: Decodable, Sendable {
    struct Amount: Decodable, Sendable {
        let value: CoinbaseDecimal?
        let currency: String?
    }

    let currency: String?
    let availableBalance: Amount?
    let hold: Amount?

    enum CodingKeys: String, CodingKey {
        case currency, hold
        case availableBalance = "available_balance"
    }
}

/// `GET /accounts`: a page of accounts.
struct WireAccountList: Decodable, Sendable {
    let accounts: [WireAccount]?
    let hasNext: Bool?
    let cursor: String?

    enum CodingKeys: String, CodingKey {
        case accounts, cursor
        case hasNext = "has_next"
    }
}

/// One price level.
struct WireLevel: Decodable, Sendable {
    let price: CoinbaseDecimal?
    let size: CoinbaseDecimal?
}

/// A product's best bid and ask (`GET /best_bid_ask`), or its book (`GET /product_book`).
struct WirePricebook: Decodable, Sendable {
    let productID: String?
    let bids: [WireLevel]?
    let asks: [WireLevel]?
    let time: String?

    enum CodingKeys: String, CodingKey {
        case bids, asks, time
        case productID = "product_id"
    }
}

/// `GET /best_bid_ask`.
struct WirePricebookList: Decodable, Sendable {
    let pricebooks: [WirePricebook]?
}

/// A candle as `GET /products/{id}/candles` sends it: `start` in Unix seconds, as a string.
struct WireCandle: Decodable, Sendable {
    let start: CoinbaseDecimal?
    let low: CoinbaseDecimal?
    let high: CoinbaseDecimal?
    let open: CoinbaseDecimal?
    let close: CoinbaseDecimal?
    let volume: CoinbaseDecimal?
}

/// `GET /products/{id}/candles`: newest first.
struct WireCandleList: Decodable, Sendable {
    let candles: [WireCandle]?
}

/// `GET /time`.
struct WireServerTime: Decodable, Sendable {
    let iso: String?
    let epochSeconds: CoinbaseDecimal?
}
