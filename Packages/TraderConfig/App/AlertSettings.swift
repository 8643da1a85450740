import YAMLConfig

/// `app.yaml` `alerts`: whether alerts are sent, and which route receives which severities.
///
/// A route's webhook URL is a secret: it comes from `TRADER_ALERT_WEBHOOK_<NAME>` or from the
/// secrets file's `alert_webhooks`, never from YAML.
public struct AlertSettings: Hashable, Sendable, Codable {
    /// How serious an alert is.
    public enum Severity: String, CaseIterable, Hashable, Sendable, Codable {
        case info, warning, error, critical
    }

    /// One destination and the severities it receives.
    public struct Route: Hashable, Sendable, Codable, YAMLFieldRules {
        /// The route's name: lower-case letters, digits and single underscores (`oncall`).
        public var name: String
        /// The severities sent to this route.
        public var severities: [Severity]

        /// The environment variable that holds this route's webhook URL.
        public var webhookVariable: String { "TRADER_ALERT_WEBHOOK_" + name.uppercased() }

        public static let yamlFieldRules: [String: YAMLFieldRule] = ["name": .nonEmpty, "severities": .nonEmpty]
    }

    /// Whether alerts are sent at all.
    public var enabled: Bool
    /// The routes, in order.
    public var routes: [Route]
}
