/// What a custom scalar decoding (see ``YAMLDecoder/register(_:expecting:placeholder:decode:)``) sees
/// of one scalar, and where it can leave warnings.
public struct YAMLScalarContext: Sendable {
    /// The scalar's text as written.
    public let text: String
    /// The scalar resolved by the YAML 1.2 core schema.
    public let value: YAMLScalarValue
    /// Where the scalar is.
    public let origin: YAMLOrigin
    /// The scalar's dotted key path.
    public let path: String
    /// Warnings left by the decoding.
    var warnings: [YAMLValueError] = []

    /// Leaves a warning: the value is accepted, and the finding is reported at this scalar.
    public mutating func warn(_ code: YAMLDiagnostic.Code, _ message: String) {
        warnings.append(YAMLValueError(code: code, message))
    }
}
