import RiskKit
import Signals
import TraderCore

/// Everything one cycle decided, and why: the audit record of a step.
public struct CycleOutcome: Sendable {
    /// The cycle's number (1 for the first step).
    public let cycle: Int
    /// The decision instant.
    public let time: Timestamp
    /// What the rules proposed.
    public let proposals: [TradeProposal]
    /// Triggers the rules did not turn into proposals, with their reason codes.
    public let suppressions: [RulesEngine.Suppression]
    /// The risk layer's decisions; `nil` when nothing was proposed.
    public let risk: RiskEvaluation?
    /// Orders to place or cancel, in order.
    public let intents: [OrderIntent]
    /// Why nothing was done, when nothing was: `no_signal`, `all_proposals_rejected`,
    /// `no_valid_order`.
    public let noTradeReason: String?
}
