import YAMLConfig

/// What loading a configuration found: the decoded files, the secrets, and every finding in file
/// order.
public struct ConfigLoadResult: Sendable {
    /// `app.yaml`, when it was given and decoded without errors.
    public var app: AppConfig?
    /// `policy.yaml`, when it was given and decoded without errors.
    public var policy: PolicyConfig?
    /// `universe.yaml`, when it was given and decoded without errors.
    public var universe: UniverseConfig?
    /// The secrets found in the environment and the secrets file.
    public var secrets: TraderSecrets
    /// Every finding: files in role order, each by line and column, then environment findings.
    public var findings: [YAMLDiagnostic]

    /// Whether any finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// Whether a file could not be read at all (a usage or environment problem, not a finding
    /// about the configuration's content).
    public var hasUnreadableFile: Bool { findings.contains { $0.code == .unreadableFile } }

    /// The complete configuration, when all three files were given and nothing is an error.
    public var configuration: TraderConfiguration? {
        guard !hasErrors, let app, let policy, let universe else { return nil }
        return TraderConfiguration(app: app, policy: policy, universe: universe)
    }

    /// The hash of the files given (all three: ``TraderConfiguration/hash``), when nothing is an
    /// error.
    public var hash: ConfigHash? {
        guard !hasErrors else { return nil }
        if let configuration { return configuration.hash }
        return ConfigHash(canonicalJSON: ConfigHash.canonicalJSON(of: PartialConfiguration(app: app, policy: policy, universe: universe)))
    }
}

/// The files of a partial set, for hashing what was given.
private struct PartialConfiguration: Encodable {
    var app: AppConfig?
    var policy: PolicyConfig?
    var universe: UniverseConfig?
}
