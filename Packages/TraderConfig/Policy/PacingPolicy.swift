import YAMLConfig

/// `policy.yaml` `pacing`: hard trade-rate limits of last resort, global spacing between trades, and
/// per-symbol cooldowns after a win and after a loss.
public struct PacingPolicy: Hashable, Sendable, Codable, YAMLFieldRules {
    /// Most trades in any rolling hour.
    public var maxTradesPerHour: Int
    /// Most trades in any calendar day.
    public var maxTradesPerDay: Int
    /// Least seconds between any two trades.
    public var minSecondsBetweenTrades: Int
    /// Minutes a symbol rests after a winning round trip.
    public var cooldownAfterWinMinutes: Int
    /// Minutes a symbol rests after a losing round trip; at least the win cooldown.
    public var cooldownAfterLossMinutes: Int

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "max_trades_per_hour": .range(1...10_000), "max_trades_per_day": .range(1...100_000),
        "min_seconds_between_trades": .range(0...86_400), "cooldown_after_win_minutes": .range(0...10_080),
        "cooldown_after_loss_minutes": .range(0...10_080),
    ]
}
