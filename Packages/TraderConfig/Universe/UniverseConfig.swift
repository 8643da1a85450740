import TraderCore

/// `universe.yaml`: what may be traded: tiers of symbols with allocation caps, dynamic discovery,
/// exclusions, red-flag bans and themes.
public struct UniverseConfig: Hashable, Sendable, Codable {
    /// Tiers in priority order; a symbol belongs to at most one.
    public var tiers: [Tier]
    /// Filters for symbols discovered at run time.
    public var discovery: DiscoveryFilters
    /// Symbols never traded, whatever the tiers say.
    public var exclusions: [Symbol]
    /// Temporary bans for raised red flags.
    public var redFlags: RedFlagPolicy
    /// Themes by name, each with its symbols; a symbol belongs to at most one.
    public var themes: [String: [Symbol]]

    /// The file's top-level keys, for routing environment overrides.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case tiers, discovery, exclusions, redFlags, themes
    }

    /// The theme of `symbol`, if any.
    public func theme(of symbol: Symbol) -> String? {
        themes.first { $0.value.contains(symbol) }?.key
    }
}
