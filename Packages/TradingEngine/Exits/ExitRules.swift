import TraderCore

/// Per-position exits (policy.yaml `exits`), evaluated every cycle before entries, the same in the
/// backtest and live: each is a sell proposal whose signal is its reason code, which risk lets
/// through (exits are never held back by entry caps), sized to the whole position or ``fraction``
/// of it. The engine emulates them on the cycle's mark (the mid; the bar's close in a backtest) and
/// the bar's high, and sells by the execution policy's order type.
public struct ExitRules: Hashable, Sendable {
    /// Why a position is exited, in the order the rules are checked.
    public enum Reason: String, CaseIterable, Hashable, Sendable, Codable {
        /// The mark fell ``stopLossPct`` below the average entry price, or ``stopLossATR`` average
        /// true ranges below it (the nearer of the two).
        case stopLoss = "stop_loss"
        /// The mark fell ``trailingStopPct`` below the highest price since entry, once that high had
        /// risen ``trailingActivationPct`` above the average entry price.
        case trailingStop = "trailing_stop"
        /// The mark rose ``takeProfitPct`` above the average entry price.
        case takeProfit = "take_profit"
        /// The gain reached what ``minimalROI`` asks after the time held.
        case roiReached = "roi_reached"
        /// The position was held ``maxHold``.
        case maxHoldTime = "max_hold_time"
        /// The symbol's regime is no longer the one it was entered in.
        case regimeExit = "regime_exit"
    }

    /// A step of the minimal-ROI table: from `after` held on, a gain of `gainPct` % exits.
    public struct ROIStep: Hashable, Sendable {
        /// Time held.
        public let after: Duration
        /// The gain that exits, % of the average entry price.
        public let gainPct: FixedPoint

        /// Creates a step.
        public init(after: Duration, gainPct: FixedPoint) {
            self.after = after
            self.gainPct = gainPct
        }
    }

    /// % below the average entry price that stops the position out.
    public var stopLossPct: FixedPoint?
    /// Average true ranges (as of the entry) below the average entry price that stop the position
    /// out.
    public var stopLossATR: Double?
    /// The bars of the average true range ``stopLossATR`` counts in (Wilder's, 14 by default).
    public var atrPeriod: Int
    /// % above the average entry price that takes the profit.
    public var takeProfitPct: FixedPoint?
    /// % below the highest price since entry that stops a trailing position out.
    public var trailingStopPct: FixedPoint?
    /// % above the average entry price the high must reach before the trailing stop works.
    public var trailingActivationPct: FixedPoint
    /// Gains that exit by time held (freqtrade's `minimal_roi`); the step with the longest `after`
    /// not past the time held applies.
    public var minimalROI: [ROIStep]
    /// The longest a position is held.
    public var maxHold: Duration?
    /// Whether a change of the symbol's regime since entry exits.
    public var exitOnRegimeChange: Bool
    /// The share of the position an exit sells, in (0, 1].
    public var fraction: FixedPoint

    /// Creates rules; every exit is off unless given.
    public init(
        stopLossPct: FixedPoint? = nil, stopLossATR: Double? = nil, atrPeriod: Int = 14, takeProfitPct: FixedPoint? = nil,
        trailingStopPct: FixedPoint? = nil,
        trailingActivationPct: FixedPoint = .zero, minimalROI: [ROIStep] = [], maxHold: Duration? = nil, exitOnRegimeChange: Bool = false,
        fraction: FixedPoint = FixedPoint(1)
    ) {
        self.stopLossPct = stopLossPct
        self.stopLossATR = stopLossATR
        self.atrPeriod = max(1, atrPeriod)
        self.takeProfitPct = takeProfitPct
        self.trailingStopPct = trailingStopPct
        self.trailingActivationPct = trailingActivationPct
        self.minimalROI = minimalROI.sorted { $0.after < $1.after }
        self.maxHold = maxHold
        self.exitOnRegimeChange = exitOnRegimeChange
        self.fraction = fraction
    }

    /// The first exit `watch`'s position meets at `mark` and `now`, held at `entry` on average,
    /// in the symbol's `regime`; `nil` when none does.
    public func reason(entry: Price, mark: Price, watch: ExitWatch, regime: Regime?, now: Timestamp) -> Reason? {
        let entryValue = entry.value
        func level(_ pct: FixedPoint, above: Bool) -> FixedPoint? {
            guard let move = try? entryValue.multiplied(by: pct, dividedBy: FixedPoint(100), rounding: .toNearestOrEven) else { return nil }
            return above ? try? entryValue.adding(move) : try? entryValue.subtracting(move)
        }
        if let pct = stopLossPct, let stop = level(pct, above: false), mark.value <= stop { return .stopLoss }
        if let multiple = stopLossATR, let range = watch.atrAtEntry,
            let stop = FixedPoint(nearest: entryValue.doubleValue - multiple * range), mark.value <= stop
        {
            return .stopLoss
        }
        if let pct = trailingStopPct, let activation = level(trailingActivationPct, above: true), watch.highest.value >= activation,
            let drop = try? watch.highest.value.multiplied(by: pct, dividedBy: FixedPoint(100), rounding: .toNearestOrEven),
            let stop = try? watch.highest.value.subtracting(drop), mark.value <= stop
        {
            return .trailingStop
        }
        if let pct = takeProfitPct, let target = level(pct, above: true), mark.value >= target { return .takeProfit }
        let held = watch.openedAt.duration(to: now)
        if let step = minimalROI.last(where: { $0.after <= held }), let target = level(step.gainPct, above: true), mark.value >= target {
            return .roiReached
        }
        if let maxHold, held >= maxHold { return .maxHoldTime }
        if exitOnRegimeChange, let entered = watch.regime, let regime, regime != entered { return .regimeExit }
        return nil
    }
}
