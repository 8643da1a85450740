import YAMLConfig

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads ``TraderSecrets`` from the environment and from the secrets file named by
/// `TRADER_SECRETS_FILE`, which must be mode 0600 and outside any git work tree. No finding ever
/// contains a secret value.
struct SecretsLoader {
    static let fileVariable = "TRADER_SECRETS_FILE"

    let environment: [String: String]

    func load() -> (secrets: TraderSecrets, findings: [YAMLDiagnostic]) {
        var secrets = TraderSecrets()
        var findings: [YAMLDiagnostic] = []
        if let path = environment[Self.fileVariable], !path.isEmpty {
            do {
                secrets = try readFile(path)
            } catch {
                findings.append(error)
            }
        }
        func fromEnvironment(_ name: String) -> Secret? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return Secret(value)
        }
        secrets.coinbaseAPIKeyName = fromEnvironment("TRADER_COINBASE_API_KEY_NAME") ?? secrets.coinbaseAPIKeyName
        secrets.coinbaseAPIPrivateKey =
            fromEnvironment("TRADER_COINBASE_API_PRIVATE_KEY") ?? secrets.coinbaseAPIPrivateKey
        secrets.ibkrAccountID = fromEnvironment("TRADER_IBKR_ACCOUNT_ID") ?? secrets.ibkrAccountID
        let webhookPrefix = "TRADER_ALERT_WEBHOOK_"
        for (name, value) in environment where name.hasPrefix(webhookPrefix) && !value.isEmpty {
            secrets.alertWebhooks[name.dropFirst(webhookPrefix.count).lowercased()] = Secret(value)
        }
        return (secrets, findings)
    }

    private func failure(_ code: YAMLDiagnostic.Code, _ message: String) -> YAMLDiagnostic {
        YAMLDiagnostic(code: code, origin: .environment(variable: Self.fileVariable), path: "", message: message)
    }

    private func readFile(_ path: String) throws(YAMLDiagnostic) -> TraderSecrets {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw failure(.secretsFileUnreadable, "cannot read the secrets file \(path): \(String(cString: strerror(errno)))")
        }
        let permissions = status.st_mode & 0o777
        guard permissions & 0o077 == 0 else {
            throw failure(
                .secretsFilePermissions,
                "the secrets file \(path) has mode \(String(permissions, radix: 8)); it must be 600 (chmod 600 \(path))")
        }
        if let repository = Self.enclosingRepository(of: path) {
            throw failure(
                .secretsFileInRepository,
                "the secrets file \(path) is inside the git work tree \(repository); keep it outside any repository")
        }
        let document: YAMLDocument
        do {
            document = try YAMLParser().parseFile(atPath: path)
        } catch {
            // Only the code and position: a syntax message may quote the file's text.
            throw failure(
                .secretsFileUnreadable, "the secrets file \(path) is not valid YAML (\(error.code) at \(error.origin))")
        }
        return try secrets(from: document.root, path: path)
    }

    /// Reads the known keys by hand rather than through `Decodable`, so that no message can quote
    /// a value.
    private func secrets(from root: YAMLNode, path: String) throws(YAMLDiagnostic) -> TraderSecrets {
        guard let entries = root.entries else {
            throw failure(.secretsFileUnreadable, "the secrets file \(path) must be a mapping")
        }
        var secrets = TraderSecrets()
        for entry in entries {
            let where_ = "\(path):\(entry.key.origin.location?.line ?? 0)"
            switch entry.name {
            case "coinbase_api_key_name": secrets.coinbaseAPIKeyName = try secret(entry.value, at: where_)
            case "coinbase_api_private_key": secrets.coinbaseAPIPrivateKey = try secret(entry.value, at: where_)
            case "ibkr_account_id": secrets.ibkrAccountID = try secret(entry.value, at: where_)
            case "alert_webhooks":
                guard let routes = entry.value.entries else {
                    throw failure(.secretsFileUnreadable, "\(where_): alert_webhooks must map route names to URLs")
                }
                for route in routes { secrets.alertWebhooks[route.name] = try secret(route.value, at: where_) }
            default:
                // The key is not quoted: in a secrets file, a misplaced line may be a secret.
                var message = "\(where_): unknown key (not shown); the keys are coinbase_api_key_name, "
                    + "coinbase_api_private_key, ibkr_account_id and alert_webhooks"
                let known = ["coinbase_api_key_name", "coinbase_api_private_key", "ibkr_account_id", "alert_webhooks"]
                if let suggestion = Suggestion.closest(to: entry.name, among: known) {
                    message += "; did you mean \"\(suggestion)\"?"
                }
                throw failure(.secretsFileUnreadable, message)
            }
        }
        return secrets
    }

    private func secret(_ node: YAMLNode, at place: String) throws(YAMLDiagnostic) -> Secret {
        guard let scalar = node.scalar, !scalar.text.isEmpty else {
            throw failure(.secretsFileUnreadable, "\(place): expected a non-empty string")
        }
        return Secret(scalar.text)
    }

    /// The git work tree that contains `path`, if any.
    static func enclosingRepository(of path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        var directory = String(cString: resolved)
        while let slash = directory.lastIndex(of: "/") {
            directory = String(directory[..<slash])
            let candidate = (directory.isEmpty ? "" : directory) + "/.git"
            if access(candidate, F_OK) == 0 { return directory.isEmpty ? "/" : directory }
            if directory.isEmpty { break }
        }
        return nil
    }
}
