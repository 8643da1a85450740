import YAMLConfig

/// `policy.yaml` `sizing`: fixed-fractional sizing. A proposal's size is `base_size_pct` × its
/// conviction multiplier × its regime's `sizing_multiplier` (see ``RegimePolicy``), capped at
/// `max_size_pct`; orders below `min_notional` are not sent.
public struct SizingPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// Multipliers by the conviction a signal reports.
    public struct ConvictionMultipliers: Hashable, Sendable, Codable, YAMLFieldRules {
        /// The multiplier for low conviction.
        public var low: Double
        /// The multiplier for medium conviction.
        public var medium: Double
        /// The multiplier for high conviction.
        public var high: Double

        public static let yamlFieldRules: [String: YAMLFieldRule] = [
            "low": .range(0...10), "medium": .range(0...10), "high": .range(0...10),
        ]
    }

    /// A position's base size, % of NAV.
    public var baseSizePct: Double
    /// The largest position after multipliers, % of NAV.
    public var maxSizePct: Double
    /// The smallest order worth sending, in the quote currency, after fees.
    public var minNotional: Double
    /// Multipliers by conviction.
    public var convictionMultipliers: ConvictionMultipliers

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "base_size_pct": .range(0...100), "max_size_pct": .range(0...100), "min_notional": .range(0...10_000_000_000),
    ]
}
