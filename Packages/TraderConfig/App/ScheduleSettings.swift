import YAMLConfig

/// `app.yaml` `schedule`: the trading cycle's period and its random jitter.
public struct ScheduleSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// Seconds between cycle starts.
    public var intervalSeconds: Int
    /// Random jitter added to each interval, in % of it.
    public var jitterPct: Double

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "interval_seconds": .range(1...86_400), "jitter_pct": .range(0...50),
    ]
}
