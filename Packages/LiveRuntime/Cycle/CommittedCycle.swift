import TradingEngine
import TraderCore

/// A cycle decided and committed to the store, its intents not yet sent
/// (``LiveCycle/decide(_:at:)``, then ``LiveCycle/send(_:engine:)``).
public struct CommittedCycle: Sendable {
    /// The engine's cycle number.
    public let cycle: Int
    /// When it was decided.
    public let time: Timestamp
    /// What the engine wants done at the venue, in order.
    public let intents: [OrderIntent]
    /// Fills booked while deciding.
    public let fillsBooked: Int
    /// Orders whose end was booked while deciding, by final status.
    public let ordersEnded: [String: Int]
    /// Why nothing was proposed, when nothing was.
    public let noTradeReason: String?
    /// Proposals refused (by the universe or risk) and risk's halts, by reason code.
    public let rejections: [String: Int]
    /// Risk's halts and breakers that held in the cycle (a loss stop, the drawdown halt, a
    /// breaker, the kill switch), by reason code, sorted.
    public let haltsActive: [String]
    /// Whether the kill switch was engaged.
    public let killSwitchEngaged: Bool
    /// How long the engine's step took.
    public let decisionDuration: Duration
    /// The reconciliation with the venue the cycle ran on the reconcile schedule, if it ran one
    /// (its differences adopted).
    public let reconciliation: ReconciliationReport?
    /// The snapshot the engine decided on (a shadow decides on the same).
    public let snapshot: MarketSnapshot
}
