import TraderCore

/// One trade on Coinbase's tape (`GET /products/{id}/ticker`).
public struct MarketTrade: Hashable, Sendable {
    /// Coinbase's id of the trade.
    public let tradeID: String
    /// What was traded.
    public let symbol: Symbol
    /// The price.
    public let price: Price
    /// The size, in the base currency.
    public let size: Quantity
    /// When it traded.
    public let time: Timestamp
    /// The side of the resting order it hit ("the maker side", as Coinbase documents it).
    public let makerSide: OrderSide
}

/// The last trades of a product, newest first, with the touch when they were read.
public struct MarketTrades: Hashable, Sendable {
    /// The trades, newest first.
    public let trades: [MarketTrade]
    /// The best bid; `nil` when Coinbase gave none.
    public let bestBid: Price?
    /// The best ask; `nil` when Coinbase gave none.
    public let bestAsk: Price?
}
