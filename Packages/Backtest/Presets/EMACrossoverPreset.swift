import CostModel
import RiskKit
import Signals
import TradingEngine
import TraderCore

/// The benchmark strategy of `shared/bench/ema-crossover.md`, expressed through the normal path:
/// the `ema_cross` signal (EMA 12/26, TA-Lib seeding) through the rules (no regime gating, a fixed
/// quantity) and the risk layer, as market orders that fill at the next bar's open with a 0.6 %
/// taker fee. Long only: a cross down sells what is held, and nothing is sold short.
///
/// The specification has no risk limits, so the preset's are set where none can bind on the
/// benchmark (caps of 100 % of NAV, no cooldown, no spacing, trade limits far above a crossover's
/// pace) and the bad-tick guard only stops a 50 % bar-to-bar move. The regression test checks that
/// the risk layer refused nothing.
public enum EMACrossoverPreset {
    /// The engine configuration for `symbol` trading `quantity` per entry.
    public static func configuration(symbol: Symbol, quantity: Quantity) -> EngineConfiguration {
        let product = ProductRules(
            symbol: symbol, baseIncrement: Quantity(FixedPoint(raw: 1)), priceIncrement: Price(FixedPoint(raw: 1)),
            minSize: Quantity(FixedPoint(raw: 1)), maxSize: Quantity(FixedPoint(1_000_000)), minNotional: .zero, status: .online)
        let everyRegime = RulesEngine.RegimeRule(allowedSignals: [EMACrossSignal.name], sizingMultiplier: 1)
        let rules = RulesEngine.Configuration(
            regimes: [.trend: everyRegime, .chop: everyRegime, .bear: everyRegime], baseSizePct: 0, maxSizePct: 100,
            convictionMultipliers: [.low: 1, .medium: 1, .high: 1], minConfidence: 0, regimeGating: false, fixedQuantity: quantity)
        let risk = RiskLimits(
            exposure: ExposureLimits(maxAssetPct: 100, maxThemePct: 100, maxTotalPct: 100, maxOpenPositions: 1_000),
            pacing: PacingLimits(
                maxTradesPerHour: 1_000, maxTradesPerDay: 100_000, minTimeBetweenTrades: .zero, cooldownAfterWin: .zero,
                cooldownAfterLoss: .zero),
            losses: LossLimits(maxDailyLossPct: 100, maxWeeklyLossPct: 100, maxDrawdownPct: 100, timeZone: .utc),
            breakers: BreakerLimits(
                maxQuoteStaleness: .seconds(86_400), apiErrorRateThresholdPct: 100, maxRateLimitHits: 1_000_000, statusActions: [:],
                haltOnCrashRegime: false),
            liquidity: LiquidityLimits(maxSpreadBps: 10_000, minDepthWithin20Bps: .zero),
            sizing: SizingLimits(maxSizePct: 100, minNotional: .zero, fees: fees))
        return EngineConfiguration(
            products: [symbol: product], signals: [SignalSpec(name: EMACrossSignal.name, parameters: ["fast_period": 12, "slow_period": 26])],
            badTickGuard: BadTickGuard.Configuration(maxMovePct: 50, confirmingVolumeRatio: 1, confirmationBars: 1), rules: rules,
            risk: risk, execution: ExecutionPolicy(style: .market, strategyID: "ema"))
    }

    /// 0.6 % on every fill.
    public static let fees = FeeRates(makerBps: 60, takerBps: 60)

    /// Next-open market fills, no slippage, the preset's fees.
    public static let fillModel = FillModel(fees: fees)
}
