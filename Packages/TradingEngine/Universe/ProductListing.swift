import TraderCore

/// What a venue's product list says about one product, for dynamic discovery: the live shell
/// refreshes these now and then and passes them in a ``MarketSnapshot``.
public struct ProductListing: Hashable, Sendable {
    /// The product.
    public let symbol: Symbol
    /// Volume traded over the last 24 hours, in the quote currency.
    public let volume24h: FixedPoint
    /// When the venue listed it.
    public let listedAt: Timestamp

    /// Creates a listing.
    public init(symbol: Symbol, volume24h: FixedPoint, listedAt: Timestamp) {
        self.symbol = symbol
        self.volume24h = volume24h
        self.listedAt = listedAt
    }
}
