/// `policy.yaml`: the trading rules: risk caps and loss stops, pacing, circuit breakers, sizing,
/// liquidity, execution, signals, regimes, the options bot's rules, per-position exits and the
/// report's drift flags.
public struct PolicyConfig: Hashable, Sendable, Codable {
    /// Exposure caps, loss stops and the kill switch.
    public var risk: RiskPolicy
    /// Trade-rate limits and cooldowns.
    public var pacing: PacingPolicy
    /// Conditions that stop new risk.
    public var circuitBreakers: CircuitBreakerPolicy
    /// Position sizing.
    public var sizing: SizingPolicy
    /// Minimum market quality for a trade.
    public var liquidity: LiquidityPolicy
    /// How orders are placed.
    public var execution: ExecutionPolicy
    /// The enabled signals and their parameters.
    public var signals: [SignalConfig]
    /// Per regime: allowed signals and sizing multiplier.
    public var regimes: RegimePolicy
    /// Rules of the options bot.
    public var options: OptionsPolicy
    /// Per-position exits (optional).
    public var exits: ExitPolicy?
    /// When `trader-report compare` flags drift (optional).
    public var report: ReportPolicy?

    /// The file's top-level keys, for routing environment overrides.
    public enum CodingKeys: String, CodingKey, CaseIterable {
        case risk, pacing, circuitBreakers, sizing, liquidity, execution, signals, regimes, options, exits, report
    }
}
