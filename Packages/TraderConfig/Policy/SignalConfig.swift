import YAMLConfig

/// One entry of `policy.yaml` `signals`: an enabled signal and its parameters.
public struct SignalConfig: Hashable, Sendable, Codable, YAMLFieldRules {
    /// The signal's registered name (`momentum`, `scalp`, `whale`, ...).
    public var name: String
    /// Free-form parameters, checked by the signal itself.
    public var params: [String: YAMLScalarValue]

    public static let yamlFieldRules: [String: YAMLFieldRule] = ["name": .nonEmpty]
}
