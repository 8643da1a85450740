import RiskKit
import Signals
import TraderCore

/// Everything a ``TradingEngine`` is built from (TraderConfig builds it from the YAML files).
public struct EngineConfiguration: Sendable {
    /// The symbols traded, with their product rules.
    public var products: [Symbol: ProductRules]
    /// The enabled signals.
    public var signals: [SignalSpec]
    /// The bad-tick guard's settings.
    public var badTickGuard: BadTickGuard.Configuration
    /// The rules (regime gating, sizing).
    public var rules: RulesEngine.Configuration
    /// The risk limits.
    public var risk: RiskLimits
    /// How trades become orders.
    public var execution: ExecutionPolicy
    /// The engine's ``ExecutionPolicy``, by a name that modules with an `ExecutionPolicy` of their
    /// own (TraderConfig's, from policy.yaml) can write.
    public typealias Execution = ExecutionPolicy
    /// The theme of each symbol that has one.
    public var themes: ThemeMap
    /// What may be entered: tiers, exclusions, red flags, discovery.
    public var universe: UniverseConfiguration
    /// How options are traded (the options bot); `nil` for the spot bot.
    public var options: OptionsConfiguration?
    /// The per-position exits; `nil`: a position is left only by a sell signal.
    public var exits: ExitRules?

    /// Creates a configuration.
    public init(
        products: [Symbol: ProductRules], signals: [SignalSpec], badTickGuard: BadTickGuard.Configuration,
        rules: RulesEngine.Configuration, risk: RiskLimits, execution: ExecutionPolicy, themes: ThemeMap = ThemeMap(),
        universe: UniverseConfiguration = .allProducts, options: OptionsConfiguration? = nil, exits: ExitRules? = nil
    ) {
        self.products = products
        self.signals = signals
        self.badTickGuard = badTickGuard
        self.rules = rules
        self.risk = risk
        self.execution = execution
        self.themes = themes
        self.universe = universe
        self.options = options
        self.exits = exits
    }
}
