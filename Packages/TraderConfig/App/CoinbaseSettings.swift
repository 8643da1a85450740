import YAMLConfig

/// `app.yaml` `coinbase`: where a `venue: coinbase` node reaches Coinbase Advanced Trade. Its
/// credentials are secrets (see ``TraderSecrets``), never here.
public struct CoinbaseSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The API's origin: `https://api.coinbase.com`, or a local exchange-sim's.
    public var baseUrl: String
    /// The file of certificates trusted for ``baseUrl`` (exchange-sim's generated one); the
    /// system's when absent.
    public var caFile: String?
    /// Run the node's clock in step with an exchange-sim replaying history faster than real time
    /// (read from its `GET /_sim/clock`); for tests against exchange-sim only, never Coinbase.
    public var followSimulatorClock: Bool?
    /// Private requests a second the node keeps under (bursts of three times as many; public ones
    /// at half the rate); absent: 10, a third of Coinbase's published 30.
    public var privateRequestsPerSecond: Double?

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "base_url": .nonEmpty, "private_requests_per_second": .greaterThan(0, atMost: 10_000),
    ]
}
