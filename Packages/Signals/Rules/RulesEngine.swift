import TraderCore

/// Turns triggers into trade proposals: regime gating, minimum confidence, one proposal per symbol
/// and direction, conviction and size. Every trigger that does not become a proposal is kept with a
/// stable reason code, so that a decision not to trade can always be explained.
///
/// Reason codes: `regime_unknown`, `regime_disallows_signal`, `below_min_confidence`,
/// `conflicting_triggers`, `superseded_by_stronger_trigger`, `zero_size`,
/// `options_action_not_spot` (a `BUY_CALL` or `BUY_PUT` when the rules trade spot) for triggers; `bad_tick` for a symbol whose candle was rejected
/// before any signal saw it.
public struct RulesEngine: Sendable {
    /// What one regime allows.
    public struct RegimeRule: Hashable, Sendable {
        /// The signals that may propose trades.
        public var allowedSignals: Set<String>
        /// The multiplier on proposal sizes.
        public var sizingMultiplier: Double

        /// Creates a rule.
        public init(allowedSignals: Set<String>, sizingMultiplier: Double) {
            self.allowedSignals = allowedSignals
            self.sizingMultiplier = sizingMultiplier
        }
    }

    /// The rules, from `policy.yaml`'s `sizing` and `regimes`.
    public struct Configuration: Hashable, Sendable {
        /// The rule of each regime.
        public var regimes: [Regime: RegimeRule]
        /// Base size, % of NAV.
        public var baseSizePct: Double
        /// Largest size after multipliers, % of NAV.
        public var maxSizePct: Double
        /// Multipliers by conviction.
        public var convictionMultipliers: [TradeProposal.Conviction: Double]
        /// The least confidence a trigger needs.
        public var minConfidence: Double
        /// Whether a trigger needs a known regime that allows its signal (on by default). Off, every
        /// signal trades in every regime, including while the classifier warms up, at multiplier 1.
        public var regimeGating: Bool
        /// A fixed size in base units for every proposal, instead of a share of NAV.
        public var fixedQuantity: Quantity?
        /// Whether the rules propose options (the options bot): a bullish trigger (`BUY`,
        /// `BUY_CALL`) proposes buying a call, a bearish one (`SELL`, `BUY_PUT`) a put. Off, the
        /// rules propose spot trades and suppress the options actions.
        public var tradesOptions: Bool

        /// Creates a configuration.
        public init(
            regimes: [Regime: RegimeRule], baseSizePct: Double, maxSizePct: Double,
            convictionMultipliers: [TradeProposal.Conviction: Double], minConfidence: Double, regimeGating: Bool = true,
            fixedQuantity: Quantity? = nil, tradesOptions: Bool = false
        ) {
            self.regimes = regimes
            self.baseSizePct = baseSizePct
            self.maxSizePct = maxSizePct
            self.convictionMultipliers = convictionMultipliers
            self.minConfidence = minConfidence
            self.regimeGating = regimeGating
            self.fixedQuantity = fixedQuantity
            self.tradesOptions = tradesOptions
        }
    }

    /// A trigger that did not become a proposal, and why.
    public struct Suppression: Hashable, Sendable {
        /// The trigger.
        public let trigger: Trigger
        /// The stable reason code.
        public let code: String
        /// The numbers behind it, for people.
        public let detail: String
    }

    /// A symbol that could not trade this bar at all, and why.
    public struct NoTrade: Hashable, Sendable {
        /// The symbol.
        public let symbol: Symbol
        /// The stable reason code (`bad_tick`).
        public let code: String
        /// The numbers behind it, for people.
        public let detail: String
    }

    /// What the rules decided.
    public struct Outcome: Hashable, Sendable {
        /// Proposals, by symbol.
        public var proposals: [TradeProposal] = []
        /// Triggers that did not become proposals.
        public var suppressions: [Suppression] = []
        /// Symbols that could not trade at all, by symbol.
        public var noTrade: [NoTrade] = []

        /// An empty outcome.
        public init() {}

        /// Empties the outcome, keeping its storage.
        mutating func clear() {
            if !proposals.isEmpty { proposals.removeAllKeepingCapacity() }
            if !suppressions.isEmpty { suppressions.removeAllKeepingCapacity() }
            if !noTrade.isEmpty { noTrade.removeAllKeepingCapacity() }
        }
    }

    /// The rules.
    public let configuration: Configuration
    /// A regime's rule as the rules read it: its few allowed signals in a list, where comparing a
    /// name costs less than hashing it for the set.
    private typealias RegimeTerms = (allowedSignals: [String], sizingMultiplier: Double)
    /// ``configuration``'s regime rules by ``slot(_:)``, read for every trigger (the dictionary
    /// would hash the regime each time).
    private let regimeRules: [RegimeTerms?]
    /// ``configuration``'s conviction multipliers by conviction (0 for one it does not name).
    private let convictionMultipliers: (low: Double, medium: Double, high: Double)

    /// An engine with `configuration`.
    public init(configuration: Configuration) {
        self.configuration = configuration
        var regimeRules: [RegimeTerms?] = [nil, nil, nil]
        for (regime, rule) in configuration.regimes {
            regimeRules[Self.slot(regime)] = (Array(rule.allowedSignals), rule.sizingMultiplier)
        }
        self.regimeRules = regimeRules
        let multipliers = configuration.convictionMultipliers
        convictionMultipliers = (multipliers[.low] ?? 0, multipliers[.medium] ?? 0, multipliers[.high] ?? 0)
    }

    /// A regime's place in ``regimeRules``.
    private static func slot(_ regime: Regime) -> Int {
        switch regime {
        case .trend: 0
        case .chop: 1
        case .bear: 2
        }
    }

    private func rule(for regime: Regime) -> RegimeTerms? {
        regimeRules[Self.slot(regime)]
    }

    private func multiplier(for conviction: TradeProposal.Conviction) -> Double {
        switch conviction {
        case .low: convictionMultipliers.low
        case .medium: convictionMultipliers.medium
        case .high: convictionMultipliers.high
        }
    }

    /// Decides on a scan: its triggers, and a `bad_tick` record for each symbol whose candle the
    /// guard rejected.
    public func evaluate(_ scan: SignalScanner.Scan) -> Outcome {
        var outcome = Outcome()
        evaluate(scan, into: &outcome)
        return outcome
    }

    /// Decides on a scan into `outcome`, replacing what it held but keeping its storage (the
    /// per-bar path refills one outcome, so a quiet bar allocates and releases nothing).
    public func evaluate(_ scan: SignalScanner.Scan, into outcome: inout Outcome) {
        outcome.clear()
        // Most scans fire nothing: the call is made only for triggers (it costs more than the test).
        if !scan.triggers.isEmpty { evaluate(scan.triggers, regimes: scan.regimes, into: &outcome) }
        for (symbol, reason) in scan.rejectedCandles {
            outcome.noTrade.append(NoTrade(symbol: symbol, code: "bad_tick", detail: reason))
        }
    }

    /// Decides on one scan's triggers.
    public func evaluate(_ triggers: [Trigger], regimes: SymbolMap<Regime>) -> Outcome {
        var outcome = Outcome()
        evaluate(triggers, regimes: regimes, into: &outcome)
        return outcome
    }

    /// Appends the decisions on `triggers` (at least one) to `outcome`.
    private func evaluate(_ triggers: [Trigger], regimes: SymbolMap<Regime>, into outcome: inout Outcome) {
        // The triggers that pass the gates, as a copy of the list only when some do not (most
        // scans gate nothing, and copying triggers retains their texts and facts).
        var eligible = triggers
        var gated: [Int] = []
        for index in triggers.indices {
            if let code = gate(triggers[index], regime: regimes[triggers[index].symbol]) {
                outcome.suppressions.append(Suppression(trigger: triggers[index], code: code.code, detail: code.detail))
                gated.append(index)
            }
        }
        if !gated.isEmpty { eligible = triggers.indices.filter { !gated.contains($0) }.map { triggers[$0] } }
        // A scan's triggers come grouped in symbol order; others are put so, keeping their order.
        if zip(eligible, eligible.dropFirst()).contains(where: { $1.symbol < $0.symbol }) {
            eligible = eligible.enumerated().sorted { ($0.element.symbol, $0.offset) < ($1.element.symbol, $1.offset) }.map(\.element)
        }
        var start = 0
        while start < eligible.count {
            let symbol = eligible[start].symbol
            var end = start + 1
            while end < eligible.count, eligible[end].symbol == symbol { end += 1 }
            let candidates = start..<end
            start = end
            let bullish = Self.isBullish(eligible[candidates.lowerBound].action)
            if candidates.contains(where: { Self.isBullish(eligible[$0].action) != bullish }) {
                for index in candidates {
                    outcome.suppressions.append(
                        Suppression(
                            trigger: eligible[index], code: "conflicting_triggers",
                            detail: "bullish and bearish triggers on the same bar"))
                }
                continue
            }
            let strongest = candidates.max {
                (eligible[$0].strength, eligible[$1].signal) < (eligible[$1].strength, eligible[$0].signal)
            }!
            // Read in place: a copy of the winning trigger would retain its texts and facts.
            for index in candidates where index != strongest {
                outcome.suppressions.append(
                    Suppression(
                        trigger: eligible[index], code: "superseded_by_stronger_trigger",
                        detail:
                            "\(eligible[strongest].signal) fired with strength "
                            + ReasonFormat.number(eligible[strongest].strength)))
            }
            let regime = regimes[symbol]
            let conviction = Self.conviction(for: eligible[strongest].confidence)
            let regimeMultiplier = regime.flatMap { rule(for: $0)?.sizingMultiplier } ?? 1
            let size = Swift.min(
                configuration.maxSizePct, configuration.baseSizePct * multiplier(for: conviction) * regimeMultiplier)
            guard size > 0 || configuration.fixedQuantity != nil else {
                outcome.suppressions.append(
                    Suppression(
                        trigger: eligible[strongest], code: "zero_size",
                        detail: "size in regime \(regime?.rawValue ?? "unknown") is 0% of NAV"))
                continue
            }
            // An option is always bought: a call on the way up, a put on the way down.
            let option: OptionContract.Right? = configuration.tradesOptions ? (bullish ? .call : .put) : nil
            let side: OrderSide = option != nil || bullish ? .buy : .sell
            outcome.proposals.append(
                TradeProposal(
                    symbol: symbol, side: side, sizePct: Swift.max(0, size), confidence: eligible[strongest].confidence,
                    conviction: conviction, signal: eligible[strongest].signal,
                    facts: Self.facts(eligible[strongest].facts, regime: regime), quantity: configuration.fixedQuantity,
                    regime: regime, option: option))
        }
    }

    /// A trigger's facts, then the regime it fired in, if known, in one allocation (`facts +
    /// [.regime(regime)]` makes two, and copies the facts through the generic path).
    private static func facts(_ facts: [TradeReason], regime: Regime?) -> [TradeReason] {
        guard let regime else { return facts }
        var all: [TradeReason] = []
        all.reserveCapacity(facts.count + 1)
        for fact in facts { all.append(fact) }
        all.append(.regime(regime))
        return all
    }

    /// Whether an action bets on a rise.
    private static func isBullish(_ action: Trigger.Action) -> Bool {
        action == .buy || action == .buyCall
    }

    /// The reason a trigger may not trade, if any.
    private func gate(_ trigger: Trigger, regime: Regime?) -> (code: String, detail: String)? {
        guard configuration.tradesOptions || trigger.action == .buy || trigger.action == .sell else {
            return ("options_action_not_spot", "\(trigger.action.rawValue) is for the options engine")
        }
        if configuration.regimeGating {
            guard let regime, let rule = rule(for: regime) else {
                return ("regime_unknown", "no regime for \(trigger.symbol) yet")
            }
            guard rule.allowedSignals.contains(trigger.signal) else {
                return ("regime_disallows_signal", "regime \(regime.rawValue) does not allow \(trigger.signal)")
            }
        }
        guard trigger.confidence >= configuration.minConfidence else {
            return (
                "below_min_confidence",
                "confidence \(ReasonFormat.number(trigger.confidence)) < \(ReasonFormat.number(configuration.minConfidence))"
            )
        }
        return nil
    }

    /// Low below 0.5, medium below 0.8, high from 0.8.
    static func conviction(for confidence: Double) -> TradeProposal.Conviction {
        confidence < 0.5 ? .low : confidence < 0.8 ? .medium : .high
    }
}
