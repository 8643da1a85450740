import CostModel
import TradingEngine
import TraderCore

/// Everything a backtest is built from besides the data: the engine configuration, the fill
/// model, the tiers, and the effective configuration with its hash for the artifacts. A shell
/// makes one from a configuration folder or a preset; ``BacktestJob`` runs it.
public struct BacktestSetup: Sendable {
    /// The engine's configuration.
    public let engine: EngineConfiguration
    /// How the simulated exchange fills.
    public let fillModel: FillModel
    /// Each symbol's tier, for the trade log.
    public let tiers: [Symbol: String]
    /// The effective configuration as canonical JSON (config.json).
    public let effectiveConfig: [UInt8]
    /// Its hash, `sha256:<hex>`.
    public let configHash: String

    /// Creates a setup.
    public init(engine: EngineConfiguration, fillModel: FillModel, tiers: [Symbol: String], effectiveConfig: [UInt8], configHash: String) {
        self.engine = engine
        self.fillModel = fillModel
        self.tiers = tiers
        self.effectiveConfig = effectiveConfig
        self.configHash = configHash
    }
}
