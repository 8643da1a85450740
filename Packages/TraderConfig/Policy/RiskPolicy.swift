import RiskKit
import YAMLConfig

/// `policy.yaml` `risk`: exposure caps in % of NAV (counting pending buys), open-position limit,
/// loss stops, drawdown limit and the kill switch.
public struct RiskPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// Default cap on one base asset (`BTC`) across its pairs, % of NAV.
    public var maxAssetExposurePct: Double
    /// Default cap on one theme, % of NAV.
    public var maxThemeExposurePct: Double
    /// Cap on all positions together, % of NAV.
    public var maxTotalExposurePct: Double
    /// Per-asset caps that replace ``maxAssetExposurePct``, keyed by asset code (`BTC`).
    public var assetCaps: [String: Double]
    /// Per-theme caps that replace ``maxThemeExposurePct``, keyed by theme name.
    public var themeCaps: [String: Double]
    /// Most positions open at once.
    public var maxOpenPositions: Int
    /// Realized loss in one calendar day (in ``lossDayTimeZone``) that stops new entries, % of NAV.
    public var maxDailyLossPct: Double
    /// Realized loss in one calendar week that stops new entries, % of NAV.
    public var maxWeeklyLossPct: Double
    /// Drawdown from peak NAV that halts trading, %.
    public var maxDrawdownPct: Double
    /// The time zone whose calendar days and weeks the loss stops count in (IANA name).
    public var lossDayTimeZone: TimeZoneName
    /// A file whose presence halts trading; checked every cycle.
    public var killSwitchFile: String?
    /// Most entries into one position: its opening buy and the adds to it (absent: no limit).
    public var maxEntriesPerPosition: Int?
    /// Least minutes between two entries into one position (absent: none).
    public var minMinutesBetweenAdds: Int?
    /// How far below the last entry's price, in %, an add must buy (absent: any price).
    public var minAddImprovementPct: Double?
    /// The per-proposal checks in the order they run (absent: every check, in RiskKit's standard
    /// order). Halts and loss stops always run first, and sizing last.
    public var checks: [RiskCheckName]?

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "max_asset_exposure_pct": .range(0...100), "max_theme_exposure_pct": .range(0...100),
        "max_total_exposure_pct": .range(0...100), "asset_caps": .range(0...100), "theme_caps": .range(0...100),
        "max_open_positions": .range(1...1000), "max_daily_loss_pct": .range(0...100),
        "max_weekly_loss_pct": .range(0...100), "max_drawdown_pct": .range(0...100),
        "max_entries_per_position": .range(1...1000), "min_minutes_between_adds": .range(0...525_600),
        "min_add_improvement_pct": .range(0...100),
    ]
}
