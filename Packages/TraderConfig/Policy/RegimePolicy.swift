import TraderCore
import YAMLConfig

/// `policy.yaml` `regimes`: for each market regime, which signals may trade and the sizing
/// multiplier applied to their proposals.
public struct RegimePolicy: Hashable, Sendable, Codable {
    /// The rule of one regime.
    public struct Rule: Hashable, Sendable, Codable, YAMLFieldRules {
        /// Names of the signals allowed to propose trades; each must be in `signals`.
        public var allowedSignals: [String]
        /// The multiplier applied to proposal sizes.
        public var sizingMultiplier: Double

        public static let yamlFieldRules: [String: YAMLFieldRule] = ["sizing_multiplier": .range(0...10)]
    }

    /// The rule in a trending market.
    public var trend: Rule
    /// The rule in a range-bound market.
    public var chop: Rule
    /// The rule in a falling market.
    public var bear: Rule

    /// The rule of `regime`.
    public subscript(regime: Regime) -> Rule {
        switch regime {
        case .trend: trend
        case .chop: chop
        case .bear: bear
        }
    }
}
