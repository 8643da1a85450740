import RiskKit
import Signals
import TraderCore

/// Everything one cycle decided, and why: the audit record of a step.
///
/// A shell that steps on every bar keeps one outcome and lets ``TradingEngine/step(_:into:)``
/// refill it: its arrays keep their storage, so a quiet cycle allocates and releases nothing.
public struct CycleOutcome: Sendable {
    /// The cycle's number (1 for the first step; 0 for an outcome no step has filled yet).
    public internal(set) var cycle = 0
    /// The decision instant.
    public internal(set) var time = Timestamp(nanosecondsSinceEpoch: 0)
    /// What the rules decided: proposals, suppressed triggers, candles the bad-tick guard rejected.
    public internal(set) var decision = RulesEngine.Outcome()
    /// Entry proposals the universe bars (excluded, red-flagged or untiered symbols); they never
    /// reach risk.
    public internal(set) var universeRejections: [UniverseRejection] = []
    /// The risk layer's decisions; `nil` when nothing reached risk.
    public internal(set) var risk: RiskEvaluation?
    /// Orders to place, cancel or look up, in order.
    public internal(set) var intents: [OrderIntent] = []
    /// Unfilled parts of TTL-cancelled orders given up instead of re-quoted.
    public internal(set) var droppedRequotes: [DroppedRequote] = []
    /// Option exits the emulated brackets sent this cycle (their orders are among ``intents``).
    public internal(set) var optionExits: [OptionExitRecord] = []
    /// Option positions closed at their intrinsic value because their contract expired.
    public internal(set) var expirations: [OptionExpiration] = []
    /// Why no new trade was placed, when none was.
    // perf: declared last. A step sets it just before it returns, and a caller's copy of the
    // outcome then reads it alone (a wider read across a field just stored waits for that store to
    // reach the cache).
    public internal(set) var noTradeReason: NoTradeReason?

    /// An empty outcome, for a shell to refill with ``TradingEngine/step(_:into:)``.
    public init() {}

    /// What the rules proposed.
    public var proposals: [TradeProposal] { decision.proposals }
    /// Triggers the rules did not turn into proposals, with their reason codes.
    public var suppressions: [RulesEngine.Suppression] { decision.suppressions }
    /// Symbols whose candle the bad-tick guard rejected this cycle (code `bad_tick`, with why).
    public var rejectedCandles: [RulesEngine.NoTrade] { decision.noTrade }

    /// Starts cycle `cycle` at `time`: everything else emptied, the storage kept. Always inlined: it
    /// runs on every cycle, and usually finds everything empty.
    @inline(__always) mutating func reset(cycle: Int, time: Timestamp) {
        self.cycle = cycle
        self.time = time
        if !universeRejections.isEmpty { universeRejections.removeAllKeepingCapacity() }
        if risk != nil { risk = nil }
        if !intents.isEmpty { intents.removeAllKeepingCapacity() }
        noTradeReason = nil
        if !droppedRequotes.isEmpty { droppedRequotes.removeAllKeepingCapacity() }
        if !optionExits.isEmpty { optionExits.removeAllKeepingCapacity() }
        if !expirations.isEmpty { expirations.removeAllKeepingCapacity() }
    }

    /// An exit an emulated bracket sent: why, the mid that crossed, the level it crossed, the
    /// average premium paid, and the order.
    public struct OptionExitRecord: Hashable, Sendable {
        /// The contract sold.
        public let contract: OptionContract
        /// `take_profit` or `stop_loss`.
        public let exit: OptionBracket.Exit
        /// The option's mid that crossed.
        public let mid: Price
        /// The take-profit or stop price.
        public let level: Price
        /// The average premium paid.
        public let cost: Price
        /// The exit order.
        public let clientOrderID: ClientOrderID
    }

    /// An option position its expiry closed: the contracts, the underlying's price, the intrinsic
    /// value per unit it closed at, and what that realized.
    public struct OptionExpiration: Hashable, Sendable {
        /// The contract.
        public let contract: OptionContract
        /// The contracts held.
        public let quantity: Quantity
        /// The underlying's mark at expiry.
        public let underlyingPrice: Price
        /// max(0, price − strike) for a call, max(0, strike − price) for a put.
        public let intrinsicValue: Price
        /// What the close realized (premium paid against intrinsic value, fees included).
        public let realized: FixedPoint
    }

    /// Why a cycle placed no new trade.
    public enum NoTradeReason: String, Hashable, Sendable {
        /// No signal fired, or every trigger was suppressed.
        case noSignal = "no_signal"
        /// The universe or risk refused every proposal.
        case allProposalsRejected = "all_proposals_rejected"
        /// Risk approved a trade that makes no valid order (no quote or rules for the symbol, no
        /// post-only price inside the spread, or the product does not take the order now).
        case noValidOrder = "no_valid_order"
    }

    /// An entry proposal the universe barred, and why.
    public struct UniverseRejection: Hashable, Sendable {
        /// The proposal.
        public let proposal: TradeProposal
        /// Why: `symbol_excluded`, `red_flag_ban` or `not_in_universe`, with the facts.
        public let bar: UniverseManager.Bar
    }

    /// An unfilled part given up, and why: `max_requotes_reached`, `superseded_by_new_decision`
    /// (the rules propose a new trade on the symbol), `rejected.<risk code>` (risk refused the
    /// re-quote), `universe.<code>` (the universe now bars the symbol), `no_valid_order` (no quote
    /// or rules for the symbol now, no post-only price inside the spread, or the product does not
    /// take the order now).
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
