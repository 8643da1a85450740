import YAMLConfig

/// Loads and validates trader configuration files: parses each with YAMLConfig, refuses secrets
/// written in YAML or passed through an override, applies `TRADER_` environment overrides, decodes
/// against the schema, reads the
/// secrets, runs the cross-field sanity checks and the production gate, and reports every finding
/// at once.
///
/// ```swift
/// let result = TraderConfigLoader(environment: ProcessInfo.processInfo.environment)
///     .load(.directory("config"))
/// guard let configuration = result.configuration else { /* print result.findings */ }
/// ```
public struct TraderConfigLoader: Sendable {
    /// The prefix of override variables.
    public static let overridePrefix = "TRADER_"

    /// The environment: overrides, secrets and the secrets file's path come from here.
    public var environment: [String: String]
    /// Bounds on each file.
    public var limits: YAMLLimits

    /// Creates a loader over an environment.
    public init(environment: [String: String], limits: YAMLLimits = .default) {
        self.environment = environment
        self.limits = limits
    }

    /// Loads the files of `set`.
    ///
    /// - Parameter deployment: lint as this deployment, whatever `app.yaml` says (config-lint's
    ///   `--env`).
    public func load(_ set: ConfigFileSet, deployment: DeploymentEnvironment? = nil) -> ConfigLoadResult {
        let overrides = YAMLEnvironmentOverrides(prefix: Self.overridePrefix, environment: environment)
        var findings: [YAMLDiagnostic] = []
        var roots: [ConfigFileSet.Role: YAMLNode] = [:]
        var result = ConfigLoadResult(secrets: TraderSecrets(), findings: [])
        for role in set.roles {
            guard let path = set.paths[role] else { continue }
            guard let root = prepare(path, role: role, overrides: overrides, findings: &findings) else { continue }
            roots[role] = root
            switch role {
            case .app:
                result.app = decode(AppConfig.self, root, into: &findings)
                if let deployment { result.app?.environment = deployment }
            case .policy: result.policy = decode(PolicyConfig.self, root, into: &findings)
            case .universe: result.universe = decode(UniverseConfig.self, root, into: &findings)
            }
        }
        findings += overrides.unclaimed(byAnyOf: ConfigFileSet.Role.allCases.map(Self.topLevelKeys))
        let (secrets, secretFindings) = SecretsLoader(environment: environment).load()
        result.secrets = secrets
        findings += secretFindings
        let locator = ConfigLocator(roots: roots, paths: set.paths)
        findings += SanityChecks(app: result.app, policy: result.policy, universe: result.universe, locate: locator)
            .findings()
        if let app = result.app {
            findings += ProductionGate(app: app, policy: result.policy, secrets: secrets, locate: locator).findings()
        }
        result.findings = Self.sorted(findings, paths: set.paths)
        if result.hasErrors { (result.app, result.policy, result.universe) = (nil, nil, nil) }
        return result
    }

    /// Parses one file, applies its overrides and refuses secrets in the result (written in the
    /// file or passed through an override); `nil` when the file cannot be parsed (the fatal finding
    /// is recorded).
    private func prepare(
        _ path: String, role: ConfigFileSet.Role, overrides: YAMLEnvironmentOverrides, findings: inout [YAMLDiagnostic]
    ) -> YAMLNode? {
        let document: YAMLDocument
        do {
            document = try YAMLParser(limits: limits).parseFile(atPath: path)
        } catch {
            findings.append(error)
            return nil
        }
        let overridden = overrides.apply(to: document.root, claiming: Self.topLevelKeys(of: role))
        let scan = SecretScanner.scan(overridden.root)
        // The parser's and the overrides' findings came before the scan: they may quote a secret.
        findings += (document.diagnostics + overridden.diagnostics).map(scan.scrub)
        findings += scan.findings
        return scan.redacted
    }

    private func decode<Value: Decodable>(_ type: Value.Type, _ root: YAMLNode, into findings: inout [YAMLDiagnostic])
        -> Value?
    {
        let result = ConfigDecoding.decoder.decode(type, from: root)
        findings += result.diagnostics
        return result.value
    }

    /// The top-level keys of a role's file, as written in YAML.
    static func topLevelKeys(of role: ConfigFileSet.Role) -> Set<String> {
        let keys: [String] =
            switch role {
            case .app: AppConfig.CodingKeys.allCases.map(\.stringValue)
            case .policy: PolicyConfig.CodingKeys.allCases.map(\.stringValue)
            case .universe: UniverseConfig.CodingKeys.allCases.map(\.stringValue)
            }
        return Set(keys.map(YAMLKeyDecoding.snakeCase))
    }

    /// Files in role order, each by line and column; then environment findings by variable. Ties
    /// keep the order they were found in.
    static func sorted(_ findings: [YAMLDiagnostic], paths: [ConfigFileSet.Role: String]) -> [YAMLDiagnostic] {
        let rank = Dictionary(paths.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        func key(_ finding: YAMLDiagnostic) -> (Int, String, Int, Int) {
            switch finding.origin {
            case .file(let location):
                let role = rank[location.file].flatMap { ConfigFileSet.Role.allCases.firstIndex(of: $0) } ?? 3
                return (role, location.file, location.line, location.column)
            case .environment(let variable):
                return (4, variable, 0, 0)
            }
        }
        return findings.enumerated().sorted { lhs, rhs in
            let (left, right) = (key(lhs.element), key(rhs.element))
            return left == right ? lhs.offset < rhs.offset : left < right
        }.map(\.element)
    }
}
