import RiskKit
import TraderCore

/// Decides which symbols may be entered now and in which tier: the configured tiers, the symbols
/// discovery admitted from the venue's listings, minus exclusions and symbols under a red-flag
/// ban. It answers for entries only; exits are never barred.
public struct UniverseManager: Sendable {
    /// Why an entry in a symbol is barred.
    public struct Bar: Hashable, Sendable {
        /// The stable reason code: `symbol_excluded`, `red_flag_ban` or `not_in_universe`.
        public let code: String
        /// The facts behind it, for people.
        public let detail: String
    }

    /// What it was built from.
    public let configuration: UniverseConfiguration
    /// The flags whose ban has not run out, in the order they were raised.
    public private(set) var redFlags: [RedFlag]
    /// The symbols discovery admitted at its latest refresh, largest 24-hour volume first.
    public private(set) var discovered: [Symbol] = []
    /// The tier of each tiered or discovered symbol, with the tiers' caps, for the risk layer.
    public private(set) var tierMap: TierMap
    private let configuredTiers: [Symbol: String]

    /// A manager of `configuration`, with its configured red flags raised.
    public init(configuration: UniverseConfiguration) {
        self.configuration = configuration
        redFlags = configuration.redFlags
        configuredTiers = configuration.tierOf
        tierMap = TierMap()
        admit(discovered: [])
    }

    /// A manager of `configuration` that picks up where a saved one left off: the flags raised and
    /// the symbols discovered then.
    init(configuration: UniverseConfiguration, redFlags: [RedFlag], discovered: [Symbol]) {
        self.init(configuration: configuration)
        self.redFlags = redFlags
        admit(discovered: discovered)
    }

    /// The tier `symbol` belongs to, configured or by discovery.
    public func tier(of symbol: Symbol) -> String? { tierMap[symbol]?.name }

    /// Why a new entry in `symbol` may not be made at `time`, or `nil` when it may.
    public func bar(_ symbol: Symbol, at time: Timestamp) -> Bar? {
        if configuration.exclusions.contains(symbol) {
            return Bar(code: "symbol_excluded", detail: "\(symbol) is in the universe's exclusions")
        }
        if let flag = activeFlag(on: symbol, at: time) {
            return Bar(
                code: "red_flag_ban", detail: "\(symbol) has a \(flag.kind) red flag raised \(flag.raisedAt); no entries until \(flag.bannedUntil)")
        }
        guard configuration.admitsUntieredProducts || tierMap[symbol] != nil else {
            return Bar(code: "not_in_universe", detail: "\(symbol) is in no tier and was not discovered")
        }
        return nil
    }

    /// The proposals it admits at `time` (every exit; entries in symbols not barred); the entries
    /// it bars are appended to `barred`, with why.
    public func admit(
        _ proposals: [TradeProposal], at time: Timestamp, barring barred: inout [CycleOutcome.UniverseRejection]
    ) -> [TradeProposal] {
        let barredBefore = barred.count
        // By index: `for proposal in` would copy each proposal to read its side and symbol.
        for index in proposals.indices where proposals[index].side == .buy {
            guard let bar = bar(proposals[index].symbol, at: time) else { continue }
            barred.append(.init(proposal: proposals[index], bar: bar))
        }
        guard barred.count > barredBefore else { return proposals }
        let refused = barred[barredBefore...]
        return proposals.filter { proposal in !refused.contains { $0.proposal == proposal } }
    }

    /// The first red flag that bans entries in `symbol` at `time`, if any.
    public func activeFlag(on symbol: Symbol, at time: Timestamp) -> RedFlag? {
        redFlags.first { $0.symbol == symbol && $0.bans(at: time) }
    }

    /// Whether some red flag bans entries at `time`.
    public func hasBans(at time: Timestamp) -> Bool { redFlags.contains { $0.bans(at: time) } }

    /// Raises `flag`; entries in its symbol stop until its ban runs out.
    public mutating func raise(_ flag: RedFlag) {
        redFlags.append(flag)
    }

    /// Forgets the flags whose ban ran out by `time`.
    public mutating func expireFlags(at time: Timestamp) {
        if redFlags.contains(where: { $0.bannedUntil <= time }) { redFlags.removeAll { $0.bannedUntil <= time } }
    }

    /// Re-runs discovery over the venue's `listings`: a product joins the discovery tier when it is
    /// in no configured tier, not excluded or banned, quoted in an accepted currency, has product
    /// `rules`, has traded at least the minimum 24-hour volume, was listed at least the minimum age
    /// ago, and its latest quote's spread is within the limit (no quote, no admission). The
    /// largest by volume are kept, up to the maximum; ties go in symbol order. Nothing happens
    /// when discovery is off.
    public mutating func discover(
        from listings: [ProductListing], quotes: SymbolMap<Quote>, rules: [Symbol: ProductRules], at time: Timestamp
    ) {
        guard let filters = configuration.discovery else { return }
        let eligible = listings.filter { listing in
            let symbol = listing.symbol
            guard configuredTiers[symbol] == nil, !configuration.exclusions.contains(symbol),
                activeFlag(on: symbol, at: time) == nil,
                filters.quoteCurrencies.contains(symbol.quote), rules[symbol] != nil,
                listing.volume24h >= filters.min24hVolume, listing.listedAt.duration(to: time) >= filters.minListingAge,
                let quote = quotes[symbol], quote.spread(isWithinBps: filters.maxSpreadBps)
            else { return false }
            return true
        }
        admit(discovered: eligible.sorted { ($1.volume24h, $0.symbol) < ($0.volume24h, $1.symbol) }
            .prefix(filters.maxSymbols).map(\.symbol))
    }

    /// Makes `symbols` the discovered ones, in the discovery tier, beside the configured tiers.
    private mutating func admit(discovered symbols: [Symbol]) {
        discovered = symbols
        var tierOf = configuredTiers
        if let tier = configuration.discovery?.tier {
            for symbol in symbols { tierOf[symbol] = tier }
        }
        tierMap = TierMap(
            tiers: configuration.tiers.map {
                TierMap.Tier(name: $0.name, maxAllocationPct: $0.maxAllocationPct, maxPositionPct: $0.maxPositionPct)
            }, tierOf: tierOf)
    }
}
