import Signals
import TraderCore

extension PolicyConfig {
    /// The rules engine's configuration: each regime's allowed signals and sizing multiplier, the
    /// sizing policy, and whether it proposes options (`options.enabled`).
    ///
    /// - Parameter minConfidence: the least trigger confidence that may trade (0 lets every
    ///   trigger through to sizing).
    public func rulesConfiguration(minConfidence: Double = 0) -> RulesEngine.Configuration {
        let regimes = Dictionary(
            uniqueKeysWithValues: Regime.allCases.map { regime in
                let rule = self.regimes[regime]
                return (regime, RulesEngine.RegimeRule(allowedSignals: Set(rule.allowedSignals), sizingMultiplier: rule.sizingMultiplier))
            })
        let multipliers = sizing.convictionMultipliers
        return RulesEngine.Configuration(
            regimes: regimes, baseSizePct: sizing.baseSizePct, maxSizePct: sizing.maxSizePct,
            convictionMultipliers: [.low: multipliers.low, .medium: multipliers.medium, .high: multipliers.high],
            minConfidence: minConfidence, tradesOptions: options.isEnabled)
    }
}
