import TraderCore

/// What may be traded (`universe.yaml`): tiers of symbols with their caps, exclusions, red-flag
/// bans and dynamic discovery. Exits are never barred: whatever is held can always be sold.
public struct UniverseConfiguration: Hashable, Sendable {
    /// A named group of symbols and the share of NAV it may take.
    public struct Tier: Hashable, Sendable {
        /// The tier's name (`core`).
        public var name: String
        /// The most the whole tier may hold and have pending, % of NAV.
        public var maxAllocationPct: FixedPoint
        /// The most one symbol of the tier may hold and have pending, % of NAV.
        public var maxPositionPct: FixedPoint
        /// The tier's symbols.
        public var symbols: [Symbol]

        /// Creates a tier.
        public init(name: String, maxAllocationPct: FixedPoint, maxPositionPct: FixedPoint, symbols: [Symbol]) {
            self.name = name
            self.maxAllocationPct = maxAllocationPct
            self.maxPositionPct = maxPositionPct
            self.symbols = symbols
        }
    }

    /// How products the venue lists beyond the tiers may join the universe.
    public struct Discovery: Hashable, Sendable {
        /// Quote currencies a discovered pair must use (`USD`).
        public var quoteCurrencies: Set<String>
        /// Least volume traded over 24 hours, in the quote currency.
        public var min24hVolume: FixedPoint
        /// Least time since the product was listed.
        public var minListingAge: Duration
        /// Widest spread accepted at discovery, in basis points of mid.
        public var maxSpreadBps: FixedPoint
        /// Most symbols discovery keeps (the largest by 24-hour volume).
        public var maxSymbols: Int
        /// The tier discovered symbols join.
        public var tier: String

        /// Creates discovery filters.
        public init(
            quoteCurrencies: Set<String>, min24hVolume: FixedPoint, minListingAge: Duration, maxSpreadBps: FixedPoint,
            maxSymbols: Int, tier: String
        ) {
            self.quoteCurrencies = quoteCurrencies
            self.min24hVolume = min24hVolume
            self.minListingAge = minListingAge
            self.maxSpreadBps = maxSpreadBps
            self.maxSymbols = maxSymbols
            self.tier = tier
        }
    }

    /// Tiers in priority order; a symbol listed in two belongs to the first.
    public var tiers: [Tier]
    /// Whether products in no tier may be entered too (untiered, so no tier cap applies): the
    /// setting of strategies that trade whatever they are given rules for, such as backtest presets.
    public var admitsUntieredProducts: Bool
    /// Symbols never entered, whatever the tiers say.
    public var exclusions: Set<Symbol>
    /// How many hours each kind of red flag bans new entries, by kind (`recent_exploit`).
    public var banHours: [String: Int]
    /// Flags raised before the engine starts (`universe.yaml` `red_flags.raised`).
    public var redFlags: [RedFlag]
    /// Discovery filters; `nil` when discovery is off.
    public var discovery: Discovery?

    /// Creates a universe.
    public init(
        tiers: [Tier], admitsUntieredProducts: Bool = false, exclusions: Set<Symbol> = [], banHours: [String: Int] = [:],
        redFlags: [RedFlag] = [], discovery: Discovery? = nil
    ) {
        self.tiers = tiers
        self.admitsUntieredProducts = admitsUntieredProducts
        self.exclusions = exclusions
        self.banHours = banHours
        self.redFlags = redFlags
        self.discovery = discovery
    }

    /// The tier of each tiered symbol; a symbol listed in two tiers belongs to the first.
    public var tierOf: [Symbol: String] {
        var tierOf: [Symbol: String] = [:]
        for tier in tiers {
            for symbol in tier.symbols where tierOf[symbol] == nil { tierOf[symbol] = tier.name }
        }
        return tierOf
    }

    /// Every product the engine has rules for, untiered, nothing excluded.
    public static let allProducts = UniverseConfiguration(tiers: [], admitsUntieredProducts: true)
}
