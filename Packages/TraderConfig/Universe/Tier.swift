import TraderCore
import YAMLConfig

/// One tier of `universe.yaml` `tiers`: a named group of symbols and the share of NAV it may hold.
public struct Tier: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The tier's name (`core`, `growth`).
    public var name: String
    /// The most the whole tier may hold, % of NAV. Tiers together may not exceed 100.
    public var maxAllocationPct: Double
    /// The most one position in the tier may hold, % of NAV.
    public var maxPositionPct: Double
    /// The tier's symbols.
    public var symbols: [Symbol]

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "name": .nonEmpty, "max_allocation_pct": .range(0...100), "max_position_pct": .range(0...100),
    ]
}
