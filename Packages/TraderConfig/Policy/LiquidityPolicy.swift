import YAMLConfig

/// `policy.yaml` `liquidity`: the least market quality a product must show for a new entry.
public struct LiquidityPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// Widest spread accepted, in basis points of mid.
    public var maxSpreadBps: Double
    /// Least book depth on each side within 20 bps of mid, in the quote currency.
    public var minDepthWithin20Bps: Double
    /// Least traded volume over 24 hours, in the quote currency.
    public var min24hVolume: Double

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxSpreadBps = "max_spread_bps"
        case minDepthWithin20Bps = "min_depth_within_20bps"
        case min24hVolume = "min_24h_volume"
    }

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "max_spread_bps": .range(0...10_000), "min_depth_within_20bps": .range(0...10_000_000_000), "min_24h_volume": .range(0...10_000_000_000),
    ]
}
