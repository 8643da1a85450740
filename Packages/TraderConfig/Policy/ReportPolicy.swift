import YAMLConfig

/// `policy.yaml` `report`: when `trader-report compare` flags a live run as drifting from its
/// backtest. Every key is optional; an absent one takes the default shown.
public struct ReportPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// Seconds apart at most that a live order and a backtest order of the same signal, symbol and
    /// side were decided to match (default 3600).
    public var matchWindowSeconds: Int?
    /// Percentage points the live total return may fall below the backtest's (default 1).
    public var maxReturnGapPct: Double?
    /// Basis points of traded notional the live slippage may exceed the backtest's (the cost
    /// model's) by (default 5).
    public var maxSlippageOverModelBps: Double?
    /// Basis points of traded notional the live fees may differ from the backtest's (the fee
    /// schedule's) by (default 1).
    public var maxFeeGapBps: Double?
    /// Backtest trades live may miss (default 0).
    public var maxMissedTrades: Int?

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "match_window_seconds": .range(0...604_800), "max_return_gap_pct": .range(0...10_000),
        "max_slippage_over_model_bps": .range(0...10_000), "max_fee_gap_bps": .range(0...10_000), "max_missed_trades": .range(0...1_000_000),
    ]
}
