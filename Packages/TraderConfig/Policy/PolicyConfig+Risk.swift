import CostModel
import Foundation
import RiskKit
import TraderCore

extension PolicyConfig {
    /// The risk layer's limits: `risk`, `pacing`, `circuit_breakers`, `liquidity`, `sizing` and the
    /// execution fees, in RiskKit's exact units. Percentages and amounts convert to the nearest
    /// 10⁻⁸, which is exact for any decimal written with eight fraction digits or fewer.
    public var riskLimits: RiskLimits {
        func exact(_ value: Double) -> FixedPoint { FixedPoint(nearest: value) ?? .max }
        let health = circuitBreakers.exchangeHealth
        func action(_ action: CircuitBreakerPolicy.HealthAction) -> BreakerLimits.StatusAction {
            switch action {
            case .halt: .halt
            case .blockEntries: .blockEntries
            case .allow: .allow
            }
        }
        // The loader validated the zone against the same zoneinfo database Foundation reads.
        let calendar = TradingCalendar(identifier: risk.lossDayTimeZone.identifier) ?? .utc
        var limits = RiskLimits(
            exposure: ExposureLimits(
                maxAssetPct: exact(risk.maxAssetExposurePct), maxThemePct: exact(risk.maxThemeExposurePct),
                maxTotalPct: exact(risk.maxTotalExposurePct), assetCaps: risk.assetCaps.mapValues(exact),
                themeCaps: risk.themeCaps.mapValues(exact), maxOpenPositions: risk.maxOpenPositions),
            pacing: PacingLimits(
                maxTradesPerHour: pacing.maxTradesPerHour, maxTradesPerDay: pacing.maxTradesPerDay,
                minTimeBetweenTrades: .seconds(pacing.minSecondsBetweenTrades),
                cooldownAfterWin: .seconds(pacing.cooldownAfterWinMinutes * 60),
                cooldownAfterLoss: .seconds(pacing.cooldownAfterLossMinutes * 60)),
            losses: LossLimits(
                maxDailyLossPct: exact(risk.maxDailyLossPct), maxWeeklyLossPct: exact(risk.maxWeeklyLossPct),
                maxDrawdownPct: exact(risk.maxDrawdownPct), timeZone: calendar),
            breakers: BreakerLimits(
                maxQuoteStaleness: .nanoseconds(Int64((circuitBreakers.maxQuoteStalenessSeconds * 1e9).rounded())),
                apiErrorRateThresholdPct: circuitBreakers.apiErrorRateThresholdPct,
                maxRateLimitHits: circuitBreakers.maxRateLimitHits,
                statusActions: [
                    .cancelOnly: action(health.cancelOnly), .limitOnly: action(health.limitOnly),
                    .postOnly: action(health.postOnly), .disabled: action(health.disabled), .offline: action(health.offline),
                ],
                haltOnCrashRegime: circuitBreakers.haltOnCrashRegime),
            liquidity: LiquidityLimits(
                maxSpreadBps: exact(liquidity.maxSpreadBps), minDepthWithin20Bps: exact(liquidity.minDepthWithin20Bps)),
            sizing: SizingLimits(
                maxSizePct: exact(sizing.maxSizePct), minNotional: exact(sizing.minNotional),
                fees: FeeRates(makerBps: exact(execution.makerFeeBps), takerBps: exact(execution.takerFeeBps))),
            checks: risk.checks ?? RiskCheckName.standardOrder, options: optionLimits)
        limits.adds = AddLimits(
            maxEntriesPerPosition: risk.maxEntriesPerPosition, minTimeBetweenAdds: risk.minMinutesBetweenAdds.map { .seconds($0 * 60) },
            minImprovementPct: risk.minAddImprovementPct.map(exact))
        return limits
    }

    /// The options bot's risk terms (`options`, when enabled): contracts sized by `max_risk_pct`
    /// and `stop_loss_pct`, entries only in the regular sessions of `regular_trading_hours` on
    /// NYSE's calendar (its holidays and half days), and `min_ask_size`.
    public var optionLimits: OptionLimits? {
        guard options.isEnabled else { return nil }
        let hours = options.regularTradingHours
        // The loader validated the zone against the same zoneinfo database Foundation reads.
        let sessions = TimeZone(identifier: hours.timeZone.identifier).map {
            ExchangeSessions(timeZone: $0, openMinute: hours.open.minutesSinceMidnight, closeMinute: hours.close.minutesSinceMidnight)
        }
        return OptionLimits(
            sizer: OptionContractSizer(
                maxRiskPct: FixedPoint(nearest: options.maxRiskPct) ?? .zero, stopLossPct: FixedPoint(nearest: options.stopLossPct) ?? FixedPoint(100)),
            sessions: sessions, minAskSize: Quantity(FixedPoint(options.minAskSize ?? 1)))
    }

    /// The kill switch: `risk.kill_switch_file`, relative paths resolved against `baseDirectory`
    /// (the configuration's folder), and the `TRADER_KILL_SWITCH` environment flag.
    public func killSwitch(baseDirectory: String) -> KillSwitch {
        let path = risk.killSwitchFile.map { $0.hasPrefix("/") ? $0 : baseDirectory + "/" + $0 }
        return KillSwitch(filePath: path, environmentFlag: "TRADER_KILL_SWITCH")
    }
}
