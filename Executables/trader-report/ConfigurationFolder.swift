import Analytics
import Foundation
import TraderConfig
import TraderCore

/// A configuration folder read for a report: its universe's tiers, and its policy's drift
/// thresholds.
struct ConfigurationFolder {
    /// Each symbol's tier.
    let tiers: [Symbol: String]
    /// policy.yaml's `report` thresholds, the defaults where it has none.
    let thresholds: DriftThresholds

    /// Loads `folder` (with the process's `TRADER_` overrides).
    ///
    /// - Throws: the configuration's error findings, one a line, when it does not load.
    init(_ folder: String) throws {
        let result = TraderConfigLoader(environment: ProcessInfo.processInfo.environment).load(.directory(folder))
        guard let configuration = result.configuration, !result.hasErrors else {
            let findings = result.findings.filter { $0.severity == .error }.map(\.description)
            throw Findings(lines: findings.isEmpty ? ["\(folder): the configuration did not load"] : findings)
        }
        tiers = configuration.tiers
        let report = configuration.policy.report
        let defaults = DriftThresholds()
        thresholds = DriftThresholds(
            matchWindowSeconds: report?.matchWindowSeconds.map(Int64.init) ?? defaults.matchWindowSeconds,
            maxReturnGapPct: report?.maxReturnGapPct ?? defaults.maxReturnGapPct,
            maxSlippageOverModelBps: report?.maxSlippageOverModelBps ?? defaults.maxSlippageOverModelBps,
            maxFeeGapBps: report?.maxFeeGapBps ?? defaults.maxFeeGapBps, maxMissedTrades: report?.maxMissedTrades ?? defaults.maxMissedTrades)
    }

    /// A configuration that did not load: its findings, one a line.
    private struct Findings: Error, CustomStringConvertible {
        let lines: [String]
        var description: String { lines.joined(separator: "\n") }
    }
}
