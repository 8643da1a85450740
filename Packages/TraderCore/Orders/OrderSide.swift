/// Whether an order buys or sells the base asset.
public enum OrderSide: String, CaseIterable, Hashable, Sendable, Codable {
    case buy = "BUY"
    case sell = "SELL"
}
