/// When `compare` flags a live run as drifting from its backtest (policy.yaml `report`).
public struct DriftThresholds: Hashable, Sendable, Encodable {
    /// A live order matches a backtest order of the same signal, symbol and side decided at most
    /// this many seconds apart.
    public var matchWindowSeconds: Int64
    /// Flag a live total return below the backtest's by more than this many percentage points.
    public var maxReturnGapPct: Double
    /// Flag a live slippage per traded notional above the backtest's (the cost model's) by more
    /// than this many basis points.
    public var maxSlippageOverModelBps: Double
    /// Flag live fees per traded notional that differ from the backtest's (the fee schedule's) by
    /// more than this many basis points.
    public var maxFeeGapBps: Double
    /// Flag more backtest trades than this that live did not make.
    public var maxMissedTrades: Int

    /// The thresholds; the defaults are policy.yaml's when it has no `report` section.
    public init(
        matchWindowSeconds: Int64 = 3_600, maxReturnGapPct: Double = 1, maxSlippageOverModelBps: Double = 5, maxFeeGapBps: Double = 1,
        maxMissedTrades: Int = 0
    ) {
        self.matchWindowSeconds = matchWindowSeconds
        self.maxReturnGapPct = maxReturnGapPct
        self.maxSlippageOverModelBps = maxSlippageOverModelBps
        self.maxFeeGapBps = maxFeeGapBps
        self.maxMissedTrades = maxMissedTrades
    }

    private enum CodingKeys: String, CodingKey {
        case matchWindowSeconds = "match_window_seconds", maxReturnGapPct = "max_return_gap_pct"
        case maxSlippageOverModelBps = "max_slippage_over_model_bps", maxFeeGapBps = "max_fee_gap_bps", maxMissedTrades = "max_missed_trades"
    }
}
