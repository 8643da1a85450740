import TraderCore

/// The universe tiers and which symbol belongs to which, for the tier caps: each tier's share of
/// NAV (`max_allocation_pct`, the whole tier held and pending) and one position's share
/// (`max_position_pct`). Tiers are numbered, so that summing exposure by tier compares integers.
public struct TierMap: Hashable, Sendable {
    /// One tier's caps.
    public struct Tier: Hashable, Sendable {
        /// The tier's name (`core`).
        public let name: String
        /// The most the whole tier may hold and have pending, % of NAV.
        public let maxAllocationPct: FixedPoint
        /// The most one symbol of the tier may hold and have pending, % of NAV.
        public let maxPositionPct: FixedPoint

        /// Creates a tier.
        public init(name: String, maxAllocationPct: FixedPoint, maxPositionPct: FixedPoint) {
            self.name = name
            self.maxAllocationPct = maxAllocationPct
            self.maxPositionPct = maxPositionPct
        }
    }

    /// The tiers; a tier's number is its index here.
    public let tiers: [Tier]
    private let numbers: SymbolIndex

    /// A map placing each symbol of `tierOf` in the tier of that name; a name that is not one of
    /// `tiers` leaves its symbol untiered (no tier cap applies to it).
    public init(tiers: [Tier] = [], tierOf: [Symbol: String] = [:]) {
        self.tiers = tiers
        let numberOf = Dictionary(tiers.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        numbers = SymbolIndex(tierOf.compactMapValues { numberOf[$0] })
    }

    /// The tier of `symbol`, if it has one.
    public subscript(symbol: Symbol) -> Tier? { numbers[symbol].map { tiers[$0] } }

    /// The number of `symbol`'s tier, if any.
    func number(of symbol: Symbol) -> Int? { numbers[symbol] }
}
