/// Encodes any `Encodable` value as JSON text written straight into bytes, with no tree of
/// intermediate values: several times faster than Foundation's `JSONEncoder` on the engine's
/// saved state, which a live node writes every cycle. `JSONDecoder` reads what it writes.
///
/// Differences from `JSONEncoder`, none of which a decoder notices:
/// - an object's members come in the order the value encodes them, not sorted;
/// - a value is written as its own `Encodable` conformance says: `JSONEncoder`'s strategies for
///   dates, data and keys do not exist here (the project's types encode times and amounts as
///   strings themselves);
/// - whole doubles keep their fraction (`1.0`).
///
/// Containers are written as they are filled, so a container must be finished before a sibling or
/// its parent is written to again (as every synthesized and hand-written conformance in the
/// project does); a write to a container that was already closed throws.
public struct StreamingJSONEncoder: Sendable {
    /// An encoder.
    public init() {}

    /// The JSON text of `value`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a double that is not finite, or a container
    ///   written to after it was closed; what the value's `encode(to:)` throws.
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let writer = JSONStreamWriter()
        try writer.write(value)
        writer.closeContainers(deeperThan: 0)
        return writer.json.bytes
    }
}

extension JSONBytes {
    /// Appends `value` as ``StreamingJSONEncoder`` writes it: for members written by hand beside
    /// members that encode themselves.
    ///
    /// - Throws: what ``StreamingJSONEncoder/encode(_:)`` throws; the text is then incomplete.
    public mutating func encodable<Value: Encodable>(_ value: Value) throws {
        let writer = JSONStreamWriter()
        // Moved, not copied: the writer appends to this text's storage.
        swap(&writer.json, &self)
        defer { swap(&writer.json, &self) }
        try writer.write(value)
        writer.closeContainers(deeperThan: 0)
    }

    /// Writes the member `name` of the open object with `value` as ``encodable(_:)`` writes it.
    ///
    /// - Throws: what ``encodable(_:)`` throws.
    public mutating func member<Value: Encodable>(_ name: StaticString, _ value: Value) throws {
        key(name)
        try encodable(value)
    }
}
