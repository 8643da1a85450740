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
    /// Entry proposals the universe bars (excluded, red-flagged or untiered symbols); they never
    /// reach risk.
    public let universeRejections: [UniverseRejection]
    /// The risk layer's decisions; `nil` when nothing was proposed.
    public let risk: RiskEvaluation?
    /// Orders to place or cancel, in order.
    public let intents: [OrderIntent]
    /// Why no new trade was placed, when none was: `no_signal`, `all_proposals_rejected` (by the
    /// universe or risk), `no_valid_order`.
    public let noTradeReason: String?
    /// Unfilled parts of TTL-cancelled orders given up instead of re-quoted.
    public let droppedRequotes: [DroppedRequote]

    /// An entry proposal the universe barred, and why.
    public struct UniverseRejection: Hashable, Sendable {
        /// The proposal.
        public let proposal: TradeProposal
        /// Why: `symbol_excluded`, `red_flag_ban` or `not_in_universe`, with the facts.
        public let bar: UniverseManager.Bar
    }

    /// An unfilled part given up, and why: `max_requotes_reached`, `superseded_by_new_decision`
    /// (the rules propose a new trade on the symbol), `rejected.<risk code>` (risk refused the
    /// re-quote), `universe.<code>` (the universe now bars the symbol), `no_valid_order` (no quote or rules for the symbol now, no post-only price
    /// inside the spread, or the product does not take the order now).
    public struct DroppedRequote: Hashable, Sendable {
        /// The cancelled order whose remainder was dropped.
        public let clientOrderID: ClientOrderID
        /// The quantity given up.
        public let quantity: Quantity
        /// The stable reason code.
        public let code: String

        /// Creates a record.
        public init(clientOrderID: ClientOrderID, quantity: Quantity, code: String) {
            self.clientOrderID = clientOrderID
            self.quantity = quantity
            self.code = code
        }
    }
}
