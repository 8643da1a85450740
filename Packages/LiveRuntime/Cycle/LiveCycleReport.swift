import TradingEngine
import TraderCore

/// What one live cycle did, for the node's log, metrics and summary.
public struct LiveCycleReport: Hashable, Sendable {
    /// The engine's cycle number.
    public let cycle: Int
    /// When it ran.
    public let time: Timestamp
    /// Orders sent to the venue (none in DRY_RUN).
    public let sent: [ClientOrderID]
    /// Orders decided but not sent, in DRY_RUN.
    public let withheld: [ClientOrderID]
    /// Orders the venue refused, with its reason.
    public let refused: [Refusal]
    /// Orders whose submit had no clear answer, left for a lookup.
    public let ambiguous: [ClientOrderID]
    /// Fills booked in the cycle.
    public let fillsBooked: Int
    /// Orders whose end was booked in the cycle, by final status (those the venue refused at
    /// submission are `rejected`).
    public let ordersEnded: [String: Int]
    /// Why nothing was proposed, when nothing was (the engine's reason code).
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

    /// An order the venue refused.
    public struct Refusal: Hashable, Sendable {
        /// The order.
        public let clientOrderID: ClientOrderID
        /// The venue's reason, or the error's code.
        public let reason: String
    }
}
