import YAMLConfig

/// `app.yaml` `ibkr`: where a `venue: ibkr` node reaches TWS or IB Gateway. The account id is a
/// secret (see ``TraderSecrets``), never here.
public struct IBKRSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The gateway's host; absent: 127.0.0.1 (TWS and IB Gateway accept local API connections).
    public var host: String?
    /// The gateway's API port: IB Gateway 4001 live and 4002 paper, TWS 7496 and 7497.
    public var port: Int
    /// The API client id; unique among the gateway's connected clients.
    public var clientId: Int
    /// Run the node's clock on the gateway's (its CURRENT_TIME): for tests against exchange-sim's
    /// replay only, never a real gateway.
    public var followGatewayClock: Bool?
    /// Messages a second the node sends at most; absent: 45 (IB allows 50).
    public var messagesPerSecond: Int?

    public static let yamlFieldRules: [String: YAMLFieldRule] = [
        "host": .nonEmpty, "port": .greaterThan(0, atMost: 65_535), "client_id": .greaterThan(-1, atMost: 2_147_483_647),
        "messages_per_second": .greaterThan(0, atMost: 50),
    ]
}
