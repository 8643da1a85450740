import TraderCore

/// How approved trades become orders.
public struct ExecutionPolicy: Hashable, Sendable {
    /// The order type used for entries and exits.
    public enum Style: Hashable, Sendable {
        /// Market orders (taker).
        case market
        /// Post-only limits at the best bid (buy) or ask (sell), improved by `improvementTicks`
        /// price increments toward the other side.
        case postOnlyLimit(improvementTicks: Int)
        /// Limits at the same price as ``postOnlyLimit(improvementTicks:)``, but not post-only: the
        /// venue fills them as takers if the market has moved through the price by arrival.
        case limit(improvementTicks: Int)
    }

    /// The order type.
    public var style: Style
    /// The strategy's name, the first part of every client order id.
    public var strategyID: String
    /// How long a post-only order may rest before the engine cancels it to re-quote at the
    /// current best price; `nil`: it rests until filled or cancelled.
    public var postOnlyTTL: Duration?
    /// How many times one trade's unfilled part is re-quoted after TTL cancels; after that it is
    /// given up.
    public var maxRequotes: Int

    /// Creates a policy.
    public init(style: Style, strategyID: String, postOnlyTTL: Duration? = nil, maxRequotes: Int = 0) {
        self.style = style
        self.strategyID = strategyID
        self.postOnlyTTL = postOnlyTTL
        self.maxRequotes = maxRequotes
    }
}
