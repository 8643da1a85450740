import YAMLConfig

/// `app.yaml` `health` and `metrics`: an HTTP endpoint's bind address and port.
public struct EndpointSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The address to bind, an IPv4 or IPv6 literal (`127.0.0.1`).
    public var bindAddress: String
    /// The TCP port; 0 binds a free one (trader-live prints it).
    public var port: Int

    public static let yamlFieldRules: [String: YAMLFieldRule] = ["bind_address": .nonEmpty, "port": .range(0...65_535)]
}
