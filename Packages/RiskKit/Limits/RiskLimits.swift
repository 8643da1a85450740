import CostModel
import TraderCore

/// Every limit the risk layer enforces, in exact units: percentages of NAV as ``FixedPoint``
/// (`20` is 20 %), durations as `Duration`, notionals in the portfolio's currency. Built from
/// `policy.yaml` by TraderConfig, or by hand when RiskKit is embedded elsewhere.
public struct RiskLimits: Hashable, Sendable {
    /// Caps on what is held and pending.
    public var exposure: ExposureLimits
    /// Trade-rate limits, spacing and cooldowns.
    public var pacing: PacingLimits
    /// Realized-loss stops and the drawdown halt.
    public var losses: LossLimits
    /// Stale data, venue errors and exchange status.
    public var breakers: BreakerLimits
    /// The least market quality for an entry.
    public var liquidity: LiquidityLimits
    /// How proposals become order sizes.
    public var sizing: SizingLimits
    /// The checks to run on each proposal, in order; halts and stops are decided before them.
    public var checks: [RiskCheckName]
    /// The options bot's sizing and gates; `nil` for the spot bot (option proposals are refused).
    public var options: OptionLimits?
    /// Limits on adding to a position already open; none by default.
    public var adds: AddLimits = AddLimits()

    /// Creates limits; `checks` defaults to every check in ``RiskCheckName/standardOrder``.
    public init(
        exposure: ExposureLimits, pacing: PacingLimits, losses: LossLimits, breakers: BreakerLimits,
        liquidity: LiquidityLimits, sizing: SizingLimits, checks: [RiskCheckName] = RiskCheckName.standardOrder,
        options: OptionLimits? = nil
    ) {
        self.exposure = exposure
        self.pacing = pacing
        self.losses = losses
        self.breakers = breakers
        self.liquidity = liquidity
        self.sizing = sizing
        self.checks = checks
        self.options = options
    }
}

/// Exposure caps in % of NAV, counting pending buys and fills not yet in the balances.
public struct ExposureLimits: Hashable, Sendable {
    /// Default cap on one base asset across its pairs.
    public var maxAssetPct: FixedPoint
    /// Default cap on one theme.
    public var maxThemePct: FixedPoint
    /// Cap on everything together.
    public var maxTotalPct: FixedPoint
    /// Per-asset caps replacing ``maxAssetPct``, by asset code (`BTC`).
    public var assetCaps: [String: FixedPoint]
    /// Per-theme caps replacing ``maxThemePct``.
    public var themeCaps: [String: FixedPoint]
    /// Most symbols held or with pending buys at once.
    public var maxOpenPositions: Int

    /// Creates exposure caps.
    public init(
        maxAssetPct: FixedPoint, maxThemePct: FixedPoint, maxTotalPct: FixedPoint, assetCaps: [String: FixedPoint] = [:],
        themeCaps: [String: FixedPoint] = [:], maxOpenPositions: Int
    ) {
        self.maxAssetPct = maxAssetPct
        self.maxThemePct = maxThemePct
        self.maxTotalPct = maxTotalPct
        self.assetCaps = assetCaps
        self.themeCaps = themeCaps
        self.maxOpenPositions = maxOpenPositions
    }

    /// The cap on `asset`, % of NAV.
    public func capPct(asset: String) -> FixedPoint { assetCaps[asset] ?? maxAssetPct }
    /// The cap on the asset of `symbol`, % of NAV; its name is spelled only when some asset has a
    /// cap of its own.
    package func capPct(assetOf symbol: Symbol) -> FixedPoint {
        assetCaps.isEmpty ? maxAssetPct : capPct(asset: symbol.base)
    }
    /// The cap on `theme`, % of NAV.
    public func capPct(theme: String) -> FixedPoint { themeCaps[theme] ?? maxThemePct }
}

/// Hard trade-rate stops, global spacing and per-symbol cooldowns.
public struct PacingLimits: Hashable, Sendable {
    /// Most trades in any rolling hour (entries and exits: a last resort against runaway loops).
    public var maxTradesPerHour: Int
    /// Most trades in one calendar day in ``LossLimits/timeZone``.
    public var maxTradesPerDay: Int
    /// Least time between two entries.
    public var minTimeBetweenTrades: Duration
    /// How long a symbol rests after a winning round trip.
    public var cooldownAfterWin: Duration
    /// How long a symbol rests after a losing (or break-even) round trip.
    public var cooldownAfterLoss: Duration

    /// Creates pacing limits.
    public init(
        maxTradesPerHour: Int, maxTradesPerDay: Int, minTimeBetweenTrades: Duration, cooldownAfterWin: Duration,
        cooldownAfterLoss: Duration
    ) {
        self.maxTradesPerHour = maxTradesPerHour
        self.maxTradesPerDay = maxTradesPerDay
        self.minTimeBetweenTrades = minTimeBetweenTrades
        self.cooldownAfterWin = cooldownAfterWin
        self.cooldownAfterLoss = cooldownAfterLoss
    }
}

/// Loss stops over the realized-PnL ledger and the drawdown halt.
public struct LossLimits: Hashable, Sendable {
    /// Realized loss in one calendar day that stops entries, % of the day's opening NAV.
    public var maxDailyLossPct: FixedPoint
    /// Realized loss in one calendar week (Monday first) that stops entries, % of its opening NAV.
    public var maxWeeklyLossPct: FixedPoint
    /// Fall from peak NAV that halts trading, %.
    public var maxDrawdownPct: FixedPoint
    /// The calendar that days and weeks are counted in.
    public var timeZone: TradingCalendar

    /// Creates loss limits.
    public init(maxDailyLossPct: FixedPoint, maxWeeklyLossPct: FixedPoint, maxDrawdownPct: FixedPoint, timeZone: TradingCalendar) {
        self.maxDailyLossPct = maxDailyLossPct
        self.maxWeeklyLossPct = maxWeeklyLossPct
        self.maxDrawdownPct = maxDrawdownPct
        self.timeZone = timeZone
    }
}

/// Circuit breakers: stale quotes, venue error rates, exchange status, crash regime.
public struct BreakerLimits: Hashable, Sendable {
    /// What a product status does to new orders.
    public enum StatusAction: String, CaseIterable, Hashable, Sendable, Codable {
        /// Halt all trading.
        case halt
        /// Refuse entries in the product; exits stay allowed.
        case blockEntries = "block_entries"
        /// Trade within what the venue accepts.
        case allow
    }

    /// Quotes older than this are stale.
    public var maxQuoteStaleness: Duration
    /// Failed requests, % of requests in the window, that halt trading.
    public var apiErrorRateThresholdPct: Double
    /// Rate-limit answers in the window that halt trading.
    public var maxRateLimitHits: Int
    /// The action for each restricted product status (`online` is always allowed).
    public var statusActions: [ProductRules.Status: StatusAction]
    /// Whether a crash regime stops entries.
    public var haltOnCrashRegime: Bool

    /// Creates breaker limits.
    public init(
        maxQuoteStaleness: Duration, apiErrorRateThresholdPct: Double, maxRateLimitHits: Int,
        statusActions: [ProductRules.Status: StatusAction], haltOnCrashRegime: Bool
    ) {
        self.maxQuoteStaleness = maxQuoteStaleness
        self.apiErrorRateThresholdPct = apiErrorRateThresholdPct
        self.maxRateLimitHits = maxRateLimitHits
        self.statusActions = statusActions
        self.haltOnCrashRegime = haltOnCrashRegime
    }
}

/// The least market quality for an entry.
public struct LiquidityLimits: Hashable, Sendable {
    /// Widest spread accepted, bps of mid; compared exactly.
    public var maxSpreadBps: FixedPoint
    /// Least depth on each side within 20 bps of mid, in the quote currency.
    public var minDepthWithin20Bps: FixedPoint

    /// Creates liquidity limits.
    public init(maxSpreadBps: FixedPoint, minDepthWithin20Bps: FixedPoint) {
        self.maxSpreadBps = maxSpreadBps
        self.minDepthWithin20Bps = minDepthWithin20Bps
    }
}

/// How a proposal's % of NAV becomes an order: the largest size, the least notional after fees,
/// and the fees assumed (taker, the worst case).
public struct SizingLimits: Hashable, Sendable {
    /// Largest entry, % of NAV.
    public var maxSizePct: FixedPoint
    /// Least notional after fees, in the quote currency.
    public var minNotional: FixedPoint
    /// The fee rates used for the after-fees test.
    public var fees: FeeRates

    /// Creates sizing limits.
    public init(maxSizePct: FixedPoint, minNotional: FixedPoint, fees: FeeRates) {
        self.maxSizePct = maxSizePct
        self.minNotional = minNotional
        self.fees = fees
    }
}

/// Limits on adding to a position: a buy of a symbol already held or being bought is an add; a
/// re-quote of an order's unfilled part is not. `nil` leaves a limit off.
public struct AddLimits: Hashable, Sendable {
    /// Most entries (the opening buy and its adds) into one position.
    public var maxEntriesPerPosition: Int?
    /// Least time between two entries into one position.
    public var minTimeBetweenAdds: Duration?
    /// How far below the last entry's price, in %, an add must buy.
    public var minImprovementPct: FixedPoint?

    /// Whether any limit is set (without one, nothing needs the entries recorded).
    public var limitsAnything: Bool { maxEntriesPerPosition != nil || minTimeBetweenAdds != nil || minImprovementPct != nil }

    /// Creates add limits.
    public init(maxEntriesPerPosition: Int? = nil, minTimeBetweenAdds: Duration? = nil, minImprovementPct: FixedPoint? = nil) {
        self.maxEntriesPerPosition = maxEntriesPerPosition
        self.minTimeBetweenAdds = minTimeBetweenAdds
        self.minImprovementPct = minImprovementPct
    }
}
