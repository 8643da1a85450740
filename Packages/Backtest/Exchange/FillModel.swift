import CostModel
import TraderCore

/// How ``SimulatedExchange`` fills orders against bars.
///
/// The bar-to-tick convention: a decision is made at a bar's close; an order arrives at the venue
/// `latencyBars` bars later (0: at the next bar's open) and can fill only on bars that open at or
/// after its arrival, never on the bar it was decided on (no look-ahead).
/// - A market order fills at the arrival bar's open, moved against it by `slippageBps`, as taker.
/// - A resting limit fills at its limit price as maker when a later bar trades through it (the
///   low below a buy's limit, the high above a sell's) or, with `.touch`, reaches it.
/// - `participationRate` caps each bar's fill at that fraction of the bar's volume (partial fills).
/// - `orderTTL` expires limit orders still working that long after they arrived.
public struct FillModel: Hashable, Sendable {
    /// When a resting limit counts as filled.
    public enum LimitRule: String, Hashable, Sendable {
        /// The bar reaches the limit price.
        case touch
        /// The bar trades beyond the limit price.
        case tradeThrough = "trade_through"
    }

    /// Maker and taker fee rates; each fill's fee is CostModel's, rounded up to 10⁻⁸.
    public var fees: FeeRates
    /// Price slippage of market orders, in basis points (0 for none).
    public var slippageBps: FixedPoint
    /// The limit rule.
    public var limitRule: LimitRule
    /// The largest share of a bar's volume one order may fill on it (nil: no cap).
    public var participationRate: FixedPoint?
    /// How long a limit order may work before it expires (nil: until cancelled).
    public var orderTTL: Duration?
    /// Bars between a decision and the order's arrival.
    public var latencyBars: Int

    /// Creates a fill model.
    public init(
        fees: FeeRates, slippageBps: FixedPoint = .zero, limitRule: LimitRule = .tradeThrough, participationRate: FixedPoint? = nil,
        orderTTL: Duration? = nil, latencyBars: Int = 0
    ) {
        self.fees = fees
        self.slippageBps = slippageBps
        self.limitRule = limitRule
        self.participationRate = participationRate
        self.orderTTL = orderTTL
        self.latencyBars = latencyBars
    }
}
