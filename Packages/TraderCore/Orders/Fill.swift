/// One execution of an order at the venue.
public struct Fill: Hashable, Sendable, Codable {
    /// Whether the fill added liquidity (maker) or took it (taker).
    public enum Liquidity: String, CaseIterable, Hashable, Sendable, Codable {
        case maker = "MAKER"
        case taker = "TAKER"
    }

    /// The venue's execution id; unique, so a fill reported twice is recognised.
    public let tradeID: TradeID
    /// The execution price.
    public let price: Price
    /// The executed quantity; positive.
    public let quantity: Quantity
    /// The fee charged for it.
    public let fee: Money
    /// Maker or taker.
    public let liquidity: Liquidity
    /// When the venue executed it.
    public let time: Timestamp

    /// Creates a fill.
    ///
    /// - Precondition: `quantity` is above zero.
    public init(tradeID: TradeID, price: Price, quantity: Quantity, fee: Money, liquidity: Liquidity, time: Timestamp) {
        precondition(!quantity.isZero, "a fill has a positive quantity")
        self.tradeID = tradeID
        self.price = price
        self.quantity = quantity
        self.fee = fee
        self.liquidity = liquidity
        self.time = time
    }
}
