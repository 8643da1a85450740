import YAMLConfig

/// `app.yaml` `shutdown`: what a node does when told to stop (SIGTERM, SIGINT).
public struct ShutdownSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// Ask the venue to cancel the orders the node has working before it exits (PAPER and LIVE).
    public var cancelOpenOrders: Bool
    /// The most a graceful stop takes; past it the node's tasks are cancelled. The systemd unit's
    /// `TimeoutStopSec` must be above it.
    public var timeoutSeconds: Int

    public static let yamlFieldRules: [String: YAMLFieldRule] = ["timeout_seconds": .range(1...600)]
}
