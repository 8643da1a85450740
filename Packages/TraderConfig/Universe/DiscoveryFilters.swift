import YAMLConfig

/// `universe.yaml` `discovery`: how symbols the venue lists beyond the tiers may join the universe.
public struct DiscoveryFilters: Hashable, Sendable, Codable, YAMLFieldRules {
    /// Whether discovery runs at all.
    public var enabled: Bool
    /// Quote currencies a discovered pair must use (`USD`).
    public var quoteCurrencies: [String]
    /// Least traded volume over 24 hours, in the quote currency.
    public var min24hVolume: Double
    /// Least days since the product was listed.
    public var minListingAgeDays: Int
    /// Widest spread accepted, in basis points.
    public var maxSpreadBps: Double
    /// Most symbols discovery may add.
    public var maxSymbols: Int
    /// The tier discovered symbols join; must be one of `tiers`.
    public var tier: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled
        case quoteCurrencies = "quote_currencies"
        case min24hVolume = "min_24h_volume"
        case minListingAgeDays = "min_listing_age_days"
        case maxSpreadBps = "max_spread_bps"
        case maxSymbols = "max_symbols"
        case tier
    }

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "min_24h_volume": .range(0...10_000_000_000), "min_listing_age_days": .range(0...3650), "max_spread_bps": .range(0...10_000),
        "max_symbols": .range(0...1000), "tier": .nonEmpty,
    ]
}
