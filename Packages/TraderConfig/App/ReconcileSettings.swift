import YAMLConfig

/// `app.yaml` `reconcile`: how often a running node compares its engine with the venue's balances,
/// positions and open orders, and adopts the venue's truth when they differ (start-up and shutdown
/// always reconcile).
public struct ReconcileSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The least time between two reconciliations, checked after each cycle: 0 reconciles after
    /// every cycle.
    public var intervalSeconds: Int

    /// Settings reconciling at most every `intervalSeconds`.
    public init(intervalSeconds: Int) {
        self.intervalSeconds = intervalSeconds
    }

    public static let yamlFieldRules: [String: YAMLFieldRule] = ["interval_seconds": .range(0...604_800)]
}
