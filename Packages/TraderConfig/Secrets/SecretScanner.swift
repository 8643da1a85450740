#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import YAMLConfig

/// Finds secret-looking values in a configuration tree, written in the file or set by an override
/// (private keys, API key names, tokens, webhook URLs with credentials, values of keys named like
/// secrets), and mapping keys that look like secrets, and redacts them, so that no later message,
/// hash or audit record can carry them.
enum SecretScanner {
    static let redaction = "<redacted>"

    /// Key names whose values are secrets wherever they appear.
    private static let secretKeyFragments = [
        "api_key", "apikey", "api_secret", "secret", "private_key", "password", "passphrase", "token",
        "webhook_url", "credential",
    ]

    /// URL query parameters that carry credentials.
    private static let credentialParameters: Set<String> = [
        "token", "access_token", "key", "api_key", "apikey", "secret", "sig", "signature", "password", "auth",
    ]

    /// Webhook URL shapes whose path is itself the credential.
    private static let webhookMarkers = [
        "hooks.slack.com/services/", "discord.com/api/webhooks/", "discordapp.com/api/webhooks/",
        "webhook.office.com/", "outlook.office.com/webhook", "api.telegram.org/bot", "events.pagerduty.com/integration/",
    ]

    /// What a scan found.
    struct Result {
        /// The tree with every secret-looking scalar and mapping key replaced by ``redaction``.
        var redacted: YAMLNode
        /// A `secret_in_yaml` finding for each.
        var findings: [YAMLDiagnostic] = []
        /// The secrets' texts, to scrub from findings made before the scan (see ``scrub(_:)``).
        var secrets: [String] = []

        /// `finding` with every secret found replaced by ``SecretScanner/redaction`` in its message and path.
        func scrub(_ finding: YAMLDiagnostic) -> YAMLDiagnostic {
            var scrubbed = finding
            for secret in secrets {
                scrubbed.message = scrubbed.message.replacing(secret, with: redaction)
                scrubbed.path = scrubbed.path.replacing(secret, with: redaction)
            }
            return scrubbed
        }
    }

    /// Scans the tree: every secret-looking scalar and mapping key is redacted, with a finding for each.
    static func scan(_ root: YAMLNode) -> Result {
        var result = Result(redacted: root)
        result.redacted = scan(root, key: nil, path: [], into: &result)
        return result
    }

    private static func scan(_ node: YAMLNode, key: String?, path: [YAMLPathComponent], into result: inout Result) -> YAMLNode {
        switch node.content {
        case .mapping(let entries):
            let scanned = entries.map { entry in
                var entry = entry
                if let kind = secretKind(text: entry.name, key: nil) {
                    record(kind, entry.name, as: "a mapping key", at: entry.key.origin, path + [.key(redaction)], into: &result)
                    entry.key = YAMLNode(.scalar(.init(text: redaction, style: .string)), origin: entry.key.origin)
                }
                entry.value = scan(entry.value, key: entry.name, path: path + [.key(entry.name)], into: &result)
                return entry
            }
            return YAMLNode(.mapping(scanned), origin: node.origin)
        case .sequence(let items):
            let scanned = items.enumerated().map { index, item in
                scan(item, key: key, path: path + [.index(index)], into: &result)
            }
            return YAMLNode(.sequence(scanned), origin: node.origin)
        case .scalar(let scalar):
            guard node.resolved != .null, let kind = secretKind(text: scalar.text, key: key) else { return node }
            record(kind, scalar.text, as: "the value", at: node.origin, path, into: &result)
            return YAMLNode(.scalar(.init(text: redaction, style: .string)), origin: node.origin)
        }
    }

    private static func record(
        _ kind: String, _ secret: String, as what: String, at origin: YAMLOrigin, _ path: [YAMLPathComponent],
        into result: inout Result
    ) {
        let place = origin.variable == nil ? "written in YAML" : "passed through a configuration override"
        result.findings.append(
            YAMLDiagnostic(
                code: .secretInYAML, origin: origin, path: YAMLPathComponent.render(path),
                message: "\(kind) must not be \(place); secrets go in their own environment variables or in the "
                    + "secrets file named by TRADER_SECRETS_FILE (\(what) is not shown)"))
        result.secrets.append(secret)
    }

    /// What kind of secret the value looks like, or `nil`.
    static func secretKind(text: String, key: String?) -> String? {
        if let key, secretKeyFragments.contains(where: { key.lowercased().contains($0) }), !text.isEmpty {
            return "the value of \"\(key)\""
        }
        if text.contains("-----BEGIN") { return "a PEM private key" }
        if text.hasPrefix("organizations/"), text.contains("/apiKeys/") { return "a Coinbase API key name" }
        if text.hasPrefix("eyJ"), text.split(separator: ".").count == 3 { return "a JSON web token" }
        if isURLWithCredentials(text) { return "a URL carrying credentials" }
        if looksRandom(text) { return "a key-like random string" }
        return nil
    }

    private static func isURLWithCredentials(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        if webhookMarkers.contains(where: { lower.contains($0) }) { return true }
        let afterScheme = lower.drop { $0 != "/" }.dropFirst(2)
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") { return true }
        guard let query = lower.split(separator: "?", maxSplits: 1).dropFirst().first else { return false }
        return query.split(separator: "&").contains { parameter in
            credentialParameters.contains(String(parameter.prefix { $0 != "=" }))
        }
    }

    /// At least 32 characters of base64 or hex alphabet with letters and digits and high entropy
    /// (at least 3.5 bits a character): a key, not a word or a path.
    private static func looksRandom(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 32 else { return false }
        var counts: [UInt8: Int] = [:]
        var hasLetter = false
        var hasDigit = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): hasLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): hasDigit = true
            case UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "-"): break
            default: return false
            }
            counts[byte, default: 0] += 1
        }
        guard hasLetter, hasDigit else { return false }
        let length = Double(bytes.count)
        let entropy = counts.values.reduce(0.0) { sum, count in
            let p = Double(count) / length
            return sum - p * log2(p)
        }
        return entropy >= 3.5
    }
}
