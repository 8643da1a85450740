/// The outcome of decoding: the value when nothing was wrong, and every finding in file order.
public struct YAMLDecodingResult<Value> {
    /// The decoded value; `nil` when any finding is an error.
    public var value: Value?
    /// Every finding, errors and warnings, sorted by origin.
    public var diagnostics: [YAMLDiagnostic]

    /// Creates a result.
    public init(value: Value?, diagnostics: [YAMLDiagnostic]) {
        self.value = value
        self.diagnostics = diagnostics
    }
}

extension YAMLDecodingResult: Sendable where Value: Sendable {}
