/// The secrets a node may need, from the environment or from the secrets file named by
/// `TRADER_SECRETS_FILE`. The environment wins where both set a value.
///
/// | secret | environment variable | secrets-file key |
/// |---|---|---|
/// | Coinbase CDP key name | `TRADER_COINBASE_API_KEY_NAME` | `coinbase_api_key_name` |
/// | Coinbase private key (PEM) | `TRADER_COINBASE_API_PRIVATE_KEY` | `coinbase_api_private_key` |
/// | IBKR account id | `TRADER_IBKR_ACCOUNT_ID` | `ibkr_account_id` |
/// | webhook of alert route `NAME` | `TRADER_ALERT_WEBHOOK_NAME` | `alert_webhooks: {name: url}` |
public struct TraderSecrets: Hashable, Sendable, CustomStringConvertible {
    /// The Coinbase CDP API key name (`organizations/{org}/apiKeys/{key}`).
    public var coinbaseAPIKeyName: Secret?
    /// The Coinbase CDP private key, PEM.
    public var coinbaseAPIPrivateKey: Secret?
    /// The Interactive Brokers account id.
    public var ibkrAccountID: Secret?
    /// Webhook URLs by alert route name.
    public var alertWebhooks: [String: Secret]

    /// Creates a set of secrets.
    public init(
        coinbaseAPIKeyName: Secret? = nil, coinbaseAPIPrivateKey: Secret? = nil, ibkrAccountID: Secret? = nil,
        alertWebhooks: [String: Secret] = [:]
    ) {
        self.coinbaseAPIKeyName = coinbaseAPIKeyName
        self.coinbaseAPIPrivateKey = coinbaseAPIPrivateKey
        self.ibkrAccountID = ibkrAccountID
        self.alertWebhooks = alertWebhooks
    }

    /// The names of the secrets that are set, never their values.
    public var description: String {
        var present: [String] = []
        if coinbaseAPIKeyName != nil { present.append("coinbase_api_key_name") }
        if coinbaseAPIPrivateKey != nil { present.append("coinbase_api_private_key") }
        if ibkrAccountID != nil { present.append("ibkr_account_id") }
        present += alertWebhooks.keys.sorted().map { "alert_webhooks.\($0)" }
        return "TraderSecrets(\(present.joined(separator: ", ")))"
    }

    /// Whether the credentials `venue` needs for LIVE trading are all set, and which are missing.
    func missingCredentials(for venue: Venue) -> [String] {
        switch venue {
        case .coinbase:
            return [
                coinbaseAPIKeyName == nil ? "TRADER_COINBASE_API_KEY_NAME" : nil,
                coinbaseAPIPrivateKey == nil ? "TRADER_COINBASE_API_PRIVATE_KEY" : nil,
            ].compactMap { $0 }
        case .ibkr:
            return ibkrAccountID == nil ? ["TRADER_IBKR_ACCOUNT_ID"] : []
        case .sim:
            return []
        }
    }
}
