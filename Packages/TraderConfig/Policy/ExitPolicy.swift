import YAMLConfig

/// `policy.yaml` `exits` (optional): per-position exits, evaluated every cycle before entries, the
/// same in the backtest and live. Each key is optional; an absent one leaves its exit off.
public struct ExitPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// One step of `minimal_roi`.
    public struct ROIStep: Hashable, Sendable, Codable, YAMLFieldRules {
        /// Minutes held from which the step applies.
        public var afterMinutes: Int
        /// The gain that exits, % of the average entry price.
        public var gainPct: Double

        public static let yamlFieldRules: [String: YAMLFieldRule] = ["after_minutes": .range(0...525_600), "gain_pct": .range(-100...10_000)]
    }

    /// Exit when the price falls this far below the average entry price, %.
    public var stopLossPct: Double?
    /// Exit when the price falls this many average true ranges (as of the entry) below the average
    /// entry price; with `stop_loss_pct` too, the nearer stop applies.
    public var stopLossAtr: Double?
    /// The bars of that average true range (default 14).
    public var atrPeriod: Int?
    /// Exit when the price rises this far above the average entry price, %.
    public var takeProfitPct: Double?
    /// Exit when the price falls this far below its highest since entry, %.
    public var trailingStopPct: Double?
    /// How far above the average entry price the high must first rise for the trailing stop to
    /// work, % (default 0: at once).
    public var trailingActivationPct: Double?
    /// Gains that exit by time held (freqtrade's `minimal_roi`): the step with the most minutes
    /// not past the time held applies.
    public var minimalRoi: [ROIStep]?
    /// Exit a position held this many hours.
    public var maxHoldHours: Double?
    /// Exit when the symbol's regime is no longer the one the position was entered in.
    public var exitOnRegimeChange: Bool?
    /// The share of the position an exit sells, in (0, 1] (default 1: all of it).
    public var fraction: Double?

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "stop_loss_pct": .greaterThan(0, atMost: 100), "stop_loss_atr": .greaterThan(0, atMost: 100), "atr_period": .range(1...500),
        "take_profit_pct": .greaterThan(0, atMost: 10_000),
        "trailing_stop_pct": .greaterThan(0, atMost: 100), "trailing_activation_pct": .range(0...10_000),
        "max_hold_hours": .greaterThan(0, atMost: 87_600), "fraction": .greaterThan(0, atMost: 1),
    ]
}
