import YAMLConfig

/// `policy.yaml` `execution`: order type, post-only re-quoting, fees and slippage assumptions, and
/// the wait before a post-trade reconcile.
public struct ExecutionPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The order type used for entries and exits.
    public enum OrderType: String, CaseIterable, Hashable, Sendable, Codable {
        /// A limit order that is rejected rather than taking liquidity (maker only).
        case limitPostOnly = "limit_post_only"
        /// A limit order that may take liquidity.
        case limit
        /// A market order (taker).
        case market
    }

    /// The default order type.
    public var defaultOrderType: OrderType
    /// Whether market orders are allowed at all (for urgent exits).
    public var allowMarketOrders: Bool
    /// Ticks inside the best bid (buy) or ask (sell) to place a limit.
    public var priceImprovementTicks: Int
    /// Seconds a resting post-only order lives before it is cancelled and re-quoted.
    public var postOnlyTtlSeconds: Int
    /// Most re-quotes of one intent.
    public var maxRequotes: Int
    /// Maker fee in basis points (negative for a rebate).
    public var makerFeeBps: Double
    /// Taker fee in basis points.
    public var takerFeeBps: Double
    /// Expected slippage of a taker order, in basis points.
    public var slippageBps: Double
    /// Seconds to wait after a fill before reconciling with the venue.
    public var postTradeReconcileWaitSeconds: Double

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "price_improvement_ticks": .range(0...100), "max_requotes": .range(0...100),
        "post_trade_reconcile_wait_seconds": .range(0...600),
    ]
}
