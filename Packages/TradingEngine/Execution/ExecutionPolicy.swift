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
    }

    /// The order type.
    public var style: Style
    /// The strategy's name, the first part of every client order id.
    public var strategyID: String

    /// Creates a policy.
    public init(style: Style, strategyID: String) {
        self.style = style
        self.strategyID = strategyID
    }
}
