import RiskKit
import Signals
import TradingEngine
import TraderCore

extension TraderConfiguration {
    /// The engine configuration these files describe, for `products` (the venue's product rules,
    /// or a backtest's). Signals, regimes and sizing come from `policy.yaml`; the risk limits from
    /// its risk sections; themes from `universe.yaml`. Orders are post-only limits improved by
    /// `price_improvement_ticks` unless `default_order_type` is `market`; the engine has no plain
    /// (takeable) limit order, so `limit` is placed post-only as well. A post-only order resting
    /// `post_only_ttl_seconds` is cancelled and re-quoted, at most `max_requotes` times. The universe (tiers and their caps, exclusions,
    /// raised red flags with their ban hours, discovery) comes from `universe.yaml`. `policy.yaml` has no
    /// bad-tick settings yet: the guard holds a close more than 20 % from the last accepted one
    /// unless volume at 3× its 20-bar average confirms it or 2 bars hold the new level.
    ///
    /// - Parameter strategyID: the first part of every client order id.
    public func engineConfiguration(products: [Symbol: ProductRules], strategyID: String = "trader") -> EngineConfiguration {
        var themeOf: [Symbol: String] = [:]
        for (theme, symbols) in universe.themes {
            for symbol in symbols { themeOf[symbol] = theme }
        }
        let execution = policy.execution
        var engineExecution = EngineConfiguration.Execution(
            style: .market, strategyID: strategyID, postOnlyTTL: .seconds(execution.postOnlyTtlSeconds),
            maxRequotes: execution.maxRequotes)
        switch execution.defaultOrderType {
        case .market: break
        case .limit: engineExecution.style = .limit(improvementTicks: execution.priceImprovementTicks)
        case .limitPostOnly: engineExecution.style = .postOnlyLimit(improvementTicks: execution.priceImprovementTicks)
        }
        return EngineConfiguration(
            products: products, signals: policy.signalSpecs,
            badTickGuard: BadTickGuard.Configuration(maxMovePct: 20, confirmingVolumeRatio: 3, confirmationBars: 2),
            rules: policy.rulesConfiguration(), risk: policy.riskLimits,
            execution: engineExecution,
            themes: ThemeMap(themeOf), universe: universe.engineUniverse, options: optionsConfiguration, exits: exitRules)
    }

    /// The per-position exits (`exits`); `nil` without the section.
    public var exitRules: ExitRules? {
        guard let exits = policy.exits else { return nil }
        func exact(_ value: Double) -> FixedPoint { FixedPoint(nearest: value) ?? .max }
        return ExitRules(
            stopLossPct: exits.stopLossPct.map(exact), stopLossATR: exits.stopLossAtr, atrPeriod: exits.atrPeriod ?? 14,
            takeProfitPct: exits.takeProfitPct.map(exact),
            trailingStopPct: exits.trailingStopPct.map(exact), trailingActivationPct: exact(exits.trailingActivationPct ?? 0),
            minimalROI: (exits.minimalRoi ?? []).map { ExitRules.ROIStep(after: .seconds(Int64($0.afterMinutes) * 60), gainPct: exact($0.gainPct)) },
            maxHold: exits.maxHoldHours.map { .nanoseconds(Int64(($0 * 3_600 * 1e9).rounded())) },
            exitOnRegimeChange: exits.exitOnRegimeChange ?? false, fraction: exact(exits.fraction ?? 1))
    }

    /// How the engine trades options (`options`, when enabled): the contract picker and the
    /// bracket's take-profit. The exits are emulated here: the shell turns native brackets on where
    /// `options.brackets` asks for them and its venue places them (``wantsNativeBrackets``).
    public var optionsConfiguration: OptionsConfiguration? {
        let options = policy.options
        guard options.isEnabled else { return nil }
        return OptionsConfiguration(
            picker: OptionPicker(
                minDaysToExpiry: options.minDaysToExpiry ?? 1, maxDaysToExpiry: options.maxDaysToExpiry ?? 9,
                strikeOffset: options.strikeOffset ?? 0),
            takeProfitPct: FixedPoint(nearest: options.takeProfitPct) ?? FixedPoint(100))
    }

    /// Whether `options.brackets` asks for native brackets (the default) where the venue places them.
    public var wantsNativeBrackets: Bool { policy.options.isEnabled && (policy.options.brackets ?? .native) == .native }

    /// The universe tier of each tiered symbol.
    public var tiers: [Symbol: String] { universe.engineUniverse.tierOf }
}
