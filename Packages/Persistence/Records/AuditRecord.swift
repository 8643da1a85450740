import TraderCore

/// What one engine cycle saw and decided, for the audit log: everything needed to explain why the
/// bot did or did not trade. Secrets never reach it: the configuration appears only as its hash.
public struct AuditRecord: Hashable, Sendable, Codable {
    /// One decision of the cycle.
    public struct Decision: Hashable, Sendable, Codable {
        /// The symbol.
        public let symbol: String
        /// `approved`, `rejected`, `suppressed`, `halted`, `exit` (an option bracket's), `expired`
        /// (an option position its expiry closed) or `no_trade`.
        public let outcome: String
        /// The reason code (a risk or rules code), if any.
        public let code: String?
        /// Details for people.
        public let detail: String

        /// Creates a decision.
        public init(symbol: String, outcome: String, code: String?, detail: String) {
            self.symbol = symbol
            self.outcome = outcome
            self.code = code
            self.detail = detail
        }
    }

    /// The cycle's id.
    public let cycleID: String
    /// When the cycle ran (ns since the epoch).
    public let at: Timestamp
    /// DRY_RUN, PAPER or LIVE.
    public let mode: String
    /// The effective configuration's hash.
    public let configHash: String
    /// A short summary of the snapshot (symbols, NAV, staleness).
    public let snapshotSummary: String
    /// Every decision.
    public let decisions: [Decision]
    /// The client order ids of the intents the cycle produced.
    public let intents: [String]
    /// Stage latencies in microseconds, by stage name.
    public let latenciesMicroseconds: [String: Int]

    /// Creates a record.
    public init(
        cycleID: String, at: Timestamp, mode: String, configHash: String, snapshotSummary: String, decisions: [Decision],
        intents: [String], latenciesMicroseconds: [String: Int]
    ) {
        self.cycleID = cycleID
        self.at = at
        self.mode = mode
        self.configHash = configHash
        self.snapshotSummary = snapshotSummary
        self.decisions = decisions
        self.intents = intents
        self.latenciesMicroseconds = latenciesMicroseconds
    }

    enum CodingKeys: String, CodingKey {
        case cycleID = "cycle_id", at, mode, configHash = "config_hash", snapshotSummary = "snapshot_summary", decisions, intents
        case latenciesMicroseconds = "latencies_us"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        cycleID = try container.decode(String.self, forKey: .cycleID)
        at = Timestamp(nanosecondsSinceEpoch: try container.decode(Int64.self, forKey: .at))
        mode = try container.decode(String.self, forKey: .mode)
        configHash = try container.decode(String.self, forKey: .configHash)
        snapshotSummary = try container.decode(String.self, forKey: .snapshotSummary)
        decisions = try container.decode([Decision].self, forKey: .decisions)
        intents = try container.decode([String].self, forKey: .intents)
        latenciesMicroseconds = try container.decode([String: Int].self, forKey: .latenciesMicroseconds)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cycleID, forKey: .cycleID)
        try container.encode(at.nanosecondsSinceEpoch, forKey: .at)
        try container.encode(mode, forKey: .mode)
        try container.encode(configHash, forKey: .configHash)
        try container.encode(snapshotSummary, forKey: .snapshotSummary)
        try container.encode(decisions, forKey: .decisions)
        try container.encode(intents, forKey: .intents)
        try container.encode(latenciesMicroseconds, forKey: .latenciesMicroseconds)
    }
}

/// Everything one cycle commits in one transaction: the intents it decided (committed before any
/// of them may be sent), the order steps, fills and realized PnL booked since the last commit, the
/// positions and balances after them, its audit record and the engine's snapshot. A crash leaves
/// the store before the cycle or after it, never between its parts: the snapshot's intent
/// sequence always covers the intents stored.
public struct CycleRecord: Hashable, Sendable {
    /// The audit record.
    public let audit: AuditRecord
    /// The orders decided, to be sent only once this record is committed.
    public let intents: [IntentRecord]
    /// Order steps taken.
    public let transitions: [OrderTransitionRecord]
    /// Fills learned, with the order each belongs to.
    public let fills: [FillOfOrder]
    /// Realized profit or loss booked.
    public let realized: [RealizedPnLRecord]
    /// The positions the cycle's fills changed, as they stand after them (flat ones included: they
    /// keep their realized PnL and fees).
    public let positions: [Position]
    /// The venue balances seen in the cycle, stored as a snapshot at the audit record's time.
    public let balances: [Balance]
    /// The option positions the cycle's expiries closed.
    public let optionExpiries: [OptionExpiryRecord]
    /// The net asset value after the cycle's step, a point of the equity curve; `nil` for a
    /// commit that is not a cycle's (a follow-up, a reconciliation).
    public let equity: EquityRecord?
    /// The engine's state after the cycle, to restore at the next start; `nil` keeps the last one.
    public let engineSnapshot: EngineSnapshot?
    /// Whether ``engineSnapshot`` replaces the one saved for its cycle (a reconciliation between
    /// cycles amends the state of the cycle before it) instead of being a new cycle's.
    public let amendsEngineSnapshot: Bool

    /// Creates a cycle record.
    public init(
        audit: AuditRecord, intents: [IntentRecord] = [], transitions: [OrderTransitionRecord] = [], fills: [FillOfOrder] = [],
        realized: [RealizedPnLRecord] = [], positions: [Position] = [], balances: [Balance] = [],
        optionExpiries: [OptionExpiryRecord] = [], equity: EquityRecord? = nil,
        engineSnapshot: EngineSnapshot? = nil, amendsEngineSnapshot: Bool = false
    ) {
        self.amendsEngineSnapshot = amendsEngineSnapshot
        self.audit = audit
        self.intents = intents
        self.transitions = transitions
        self.fills = fills
        self.realized = realized
        self.positions = positions
        self.balances = balances
        self.optionExpiries = optionExpiries
        self.equity = equity
        self.engineSnapshot = engineSnapshot
    }
}

/// A fill and the order it belongs to.
public struct FillOfOrder: Hashable, Sendable {
    /// The order.
    public let clientOrderID: ClientOrderID
    /// The fill.
    public let fill: Fill
    /// Creates one.
    public init(clientOrderID: ClientOrderID, fill: Fill) {
        self.clientOrderID = clientOrderID
        self.fill = fill
    }
}

/// A realized profit or loss in the ledger that loss stops read.
public struct RealizedPnLRecord: Hashable, Sendable {
    /// When it was realized.
    public let at: Timestamp
    /// The symbol.
    public let symbol: Symbol
    /// The amount, net of fees; negative for a loss.
    public let amount: FixedPoint
    /// Creates one.
    public init(at: Timestamp, symbol: Symbol, amount: FixedPoint) {
        self.at = at
        self.symbol = symbol
        self.amount = amount
    }
}
