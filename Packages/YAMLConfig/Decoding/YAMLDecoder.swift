/// Decodes a ``YAMLNode`` tree into `Decodable` Swift types, collecting **every** finding in one
/// pass rather than stopping at the first.
///
/// Beyond the types' own shape it checks the schema: required keys, scalar types, numeric ranges
/// and non-empty fields from ``YAMLFieldRules``, enum values (the message lists the allowed ones),
/// and unknown keys (with a "did you mean" suggestion for near misses).
///
/// ```swift
/// let document = try YAMLParser().parseFile(atPath: "policy.yaml")
/// let result = YAMLDecoder().decode(Policy.self, from: document.root)
/// for finding in result.diagnostics { print(finding) }   // policy.yaml:14:5: error: ...
/// ```
public struct YAMLDecoder: Sendable {
    /// A registered decoding for one scalar type.
    struct CustomScalar: Sendable {
        let expectation: String
        let placeholder: any Sendable
        let decode: @Sendable (inout YAMLScalarContext) throws(YAMLValueError) -> any Sendable
    }

    private(set) var customScalars: [ObjectIdentifier: CustomScalar] = [:]

    /// How Swift coding keys map to YAML keys.
    public var keyDecoding: YAMLKeyDecoding

    /// Creates a decoder.
    public init(keyDecoding: YAMLKeyDecoding = .useDefaultKeys) {
        self.keyDecoding = keyDecoding
    }

    /// Registers how to decode `type` from a scalar, for types whose own `Decodable` conformance is
    /// stricter than a configuration file should be, or that leave warnings (a symbol spelled
    /// `btc-usd` that normalizes to `BTC-USD`).
    ///
    /// - Parameters:
    ///   - expectation: what the scalar should be, for messages ("a BASE-QUOTE symbol").
    ///   - placeholder: a value that stands in while the decoding continues past an error; it never
    ///     reaches a caller.
    ///   - decode: turns the scalar into a value, or throws ``YAMLValueError``.
    public mutating func register<Value: Decodable & Sendable>(
        _ type: Value.Type, expecting expectation: String, placeholder: Value,
        decode: @escaping @Sendable (inout YAMLScalarContext) throws(YAMLValueError) -> Value
    ) {
        customScalars[ObjectIdentifier(type)] = CustomScalar(
            expectation: expectation, placeholder: placeholder,
            decode: { (context) throws(YAMLValueError) -> any Sendable in try decode(&context) })
    }

    /// Decodes `type` from `node`.
    ///
    /// Never throws: the result holds the value when no finding is an error, and every finding,
    /// sorted by origin.
    public func decode<Value: Decodable>(_ type: Value.Type, from node: YAMLNode) -> YAMLDecodingResult<Value> {
        let session = DecodingSession(decoder: self)
        let value = try? session.decode(type, node: node, path: [], rule: nil)
        let diagnostics = session.sortedDiagnostics()
        let failed = value == nil || diagnostics.contains { $0.severity == .error }
        return YAMLDecodingResult(value: failed ? nil : value, diagnostics: diagnostics)
    }
}
