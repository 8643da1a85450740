import YAMLConfig

/// `app.yaml` `state`: where the SQLite state store lives.
public struct StateSettings: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The SQLite file's path, relative to the working directory unless absolute.
    public var path: String

    public static let yamlFieldRules: [String: YAMLFieldRule] = ["path": .nonEmpty]
}
