import TraderCore

/// What Coinbase says an order would cost (`POST /orders/preview`), placing nothing.
public struct CoinbaseOrderPreview: Hashable, Sendable {
    /// What the order would cost a buyer (quote size plus commission) or pay a seller (minus it).
    public let orderTotal: FixedPoint
    /// The commission, in the quote currency.
    public let commission: FixedPoint
    /// The notional, in the quote currency.
    public let quoteSize: FixedPoint
    /// The size, in the base currency.
    public let baseSize: Quantity
    /// The best bid when previewed; `nil` when Coinbase gave none.
    public let bestBid: Price?
    /// The best ask when previewed; `nil` when Coinbase gave none.
    public let bestAsk: Price?
    /// Coinbase's preview failure reasons (`PREVIEW_INSUFFICIENT_FUND`, ...); empty when the order would be taken.
    public let errors: [String]

    /// Whether Coinbase found nothing wrong with the order.
    public var wouldBeAccepted: Bool { errors.isEmpty }
}
