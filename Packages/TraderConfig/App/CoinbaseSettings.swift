import YAMLConfig

/// `app.yaml` `coinbase`: where a `venue: coinbase` node reaches Coinbase Advanced Trade. Its
/// credentials are secrets (see ``TraderSecrets``), never here.
public struct CoinbaseSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The API's origin: `https://api.coinbase.com`, or a local exchange-sim's.
    public var baseUrl: String
    /// The file of certificates trusted for ``baseUrl`` (exchange-sim's generated one); the
    /// system's when absent.
    public var caFile: String?

    public static let yamlFieldRules: [String: YAMLFieldRule] = ["base_url": .nonEmpty]
}
