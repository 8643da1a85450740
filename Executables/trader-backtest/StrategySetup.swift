import Backtest
import CostModel
import RiskKit
import TradingEngine
import TraderConfig
import TraderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The setups the command line names: the preset, or a configuration folder (which only this
/// executable may load: the Backtest library does not read configuration files).
enum StrategySetup {
    /// The benchmark preset (shared/bench/ema-crossover.md) on `symbol`.
    static func emaCrossover(symbol: Symbol) -> BacktestSetup {
        let quantity = Quantity("0.01")!
        let description: [String: String] = [
            "preset": "ema-crossover", "symbol": symbol.description, "quantity": quantity.description, "fast_period": "12",
            "slow_period": "26", "fee_bps": "60", "fills": "next_open",
        ]
        let json = canonicalJSON(description)
        return BacktestSetup(
            engine: EMACrossoverPreset.configuration(symbol: symbol, quantity: quantity), fillModel: EMACrossoverPreset.fillModel,
            tiers: [:], effectiveConfig: json, configHash: ConfigHash(canonicalJSON: json).description)
    }

    /// The configuration folder's strategy on `symbols`, each traded under `product` rules.
    ///
    /// - Throws: `ValidationError` listing every finding when the configuration does not load.
    static func configuration(
        folder: String, symbols: [Symbol], product: (Symbol) -> ProductRules, fills: FillOptions
    ) throws -> BacktestSetup {
        let result = TraderConfigLoader(environment: ProcessInfo.processInfo.environment).load(.directory(folder))
        guard let configuration = result.configuration, !result.hasErrors else {
            let findings = result.findings.filter { $0.severity == .error }.map(\.description)
            throw ConfigurationError(lines: findings.isEmpty ? ["\(folder): the configuration did not load"] : findings)
        }
        let execution = configuration.policy.execution
        let fees = FeeRates(
            makerBps: FixedPoint(nearest: execution.makerFeeBps) ?? .max, takerBps: FixedPoint(nearest: execution.takerFeeBps) ?? .max)
        let model = FillModel(
            fees: fees, slippageBps: FixedPoint(nearest: execution.slippageBps) ?? .zero,
            limitRule: fills.onTouch ? .touch : .tradeThrough,
            participationRate: fills.participationPct.map { FixedPoint(nearest: $0 / 100) ?? .zero },
            latencyBars: fills.latencyBars)  // the engine cancels and re-quotes stale post-only orders itself
        // A symbol given twice is the feed's duplicate_symbol error, reported when it opens the files.
        let products = Dictionary(symbols.map { ($0, product($0)) }, uniquingKeysWith: { first, _ in first })
        return BacktestSetup(
            engine: configuration.engineConfiguration(products: products), fillModel: model, tiers: configuration.tiers,
            effectiveConfig: configuration.canonicalJSON, configHash: configuration.hash.description)
    }

    private static func canonicalJSON(_ value: [String: String]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try! encoder.encode(value))  // a string dictionary always encodes
    }
}

/// The fill model's settings that come from the command line.
struct FillOptions {
    var onTouch = false
    var participationPct: Double?
    var latencyBars = 0
}

/// A configuration that did not load: every error finding, one a line.
struct ConfigurationError: Error {
    let lines: [String]
}
