/// The `Encoder` behind ``StreamingJSONEncoder``, one per encoding. The open containers form a
/// stack; a container writes only as the innermost open one, after closing any deeper ones that
/// its previous member left open. A write to a container already closed is recorded as the
/// encoding's failure.
final class JSONStreamWriter: Encoder {
    /// The text so far.
    var json = JSONBytes()
    /// The open containers, outermost first: each one's closing bracket and identity.
    private var open: [(closer: UInt8, id: Int)] = []
    private var lastID = 0
    /// How many containers were open when the value being written began (its own are deeper).
    private var valueDepth = 0
    /// The first misuse of a container, thrown when the encoding ends.
    private(set) var failure: EncodingError?

    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Writes `value` at the current position: the commonest types straight, others through
    /// their `encode(to:)`, closing the containers it opened. A value that encodes nothing
    /// is an empty object, as with `JSONEncoder`.
    func write<Value: Encodable>(_ value: Value) throws {
        // The values a saved state is mostly made of, written without the containers of `Encoder`
        // (a cast to a concrete type is a comparison of type metadata).
        if let amount = value as? FixedPoint { return json.decimal(amount) }
        if let time = value as? Timestamp { return json.time(time) }
        if let text = value as? String { return json.string(text) }
        if let integer = value as? Int { return json.integer(Int64(integer)) }
        let outer = valueDepth
        let depth = open.count
        valueDepth = depth
        let start = json.bytes.count
        try value.encode(to: self)
        closeContainers(deeperThan: depth)
        if json.bytes.count == start { json.object { _ in } }
        valueDepth = outer
        if let failure { throw failure }
    }

    /// A finite double; anything else is the encoding's failure.
    func write(_ value: Double) {
        guard value.isFinite else {
            failure = failure ?? EncodingError.invalidValue(
                value, .init(codingPath: codingPath, debugDescription: "\(value) has no JSON form"))
            return json.null()
        }
        json.number(value)
    }

    /// Closes the containers deeper than `depth`.
    func closeContainers(deeperThan depth: Int) {
        while open.count > depth { json.close(open.removeLast().closer) }
    }

    /// Readies the container at `depth` with identity `id` for its next member.
    func prepare(depth: Int, id: Int) {
        closeContainers(deeperThan: depth)
        guard open.count == depth, open[depth - 1].id == id else {
            failure = failure ?? EncodingError.invalidValue(
                id, .init(codingPath: codingPath, debugDescription: "a JSON container was written to after it was closed"))
            return
        }
    }

    /// Opens an object or array at the current position.
    func openContainer(object: Bool) -> (depth: Int, id: Int) {
        json.open(UInt8(ascii: object ? "{" : "["))
        lastID += 1
        open.append((UInt8(ascii: object ? "}" : "]"), lastID))
        return (open.count, lastID)
    }

    /// Lets the value that a container's `superEncoder` writes open its containers inside that
    /// container's member.
    func beginSuperValue(at depth: Int) -> any Encoder {
        valueDepth = depth
        return self
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedJSONStreamContainer<Key>(writer: self, at: valueContainer(object: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedJSONStreamContainer(writer: self, at: valueContainer(object: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleJSONStreamContainer(writer: self)
    }

    /// The current value's own container: the one it already opened (a second request for a
    /// container of the same kind gets the same one), or a new one.
    private func valueContainer(object: Bool) -> (depth: Int, id: Int) {
        if open.count > valueDepth, open[valueDepth].closer == UInt8(ascii: object ? "}" : "]") {
            closeContainers(deeperThan: valueDepth + 1)
            return (valueDepth + 1, open[valueDepth].id)
        }
        closeContainers(deeperThan: valueDepth)
        return openContainer(object: object)
    }
}

/// An object's members, written as they come.
struct KeyedJSONStreamContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let depth: Int
    let id: Int

    init(writer: JSONStreamWriter, at position: (depth: Int, id: Int)) {
        self.writer = writer
        (depth, id) = position
    }

    var codingPath: [any CodingKey] { writer.codingPath }

    private func member(_ key: Key) {
        writer.prepare(depth: depth, id: id)
        writer.json.key(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        member(key)
        writer.json.null()
    }

    mutating func encode(_ value: Bool, forKey key: Key) throws {
        member(key)
        writer.json.bool(value)
    }

    mutating func encode(_ value: String, forKey key: Key) throws {
        member(key)
        writer.json.string(value)
    }

    mutating func encode(_ value: Double, forKey key: Key) throws {
        member(key)
        writer.write(value)
    }

    mutating func encode(_ value: Float, forKey key: Key) throws {
        member(key)
        writer.write(Double(value))
    }

    mutating func encode(_ value: Int, forKey key: Key) throws {
        member(key)
        writer.json.integer(Int64(value))
    }

    mutating func encode(_ value: Int64, forKey key: Key) throws {
        member(key)
        writer.json.integer(value)
    }

    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        member(key)
        writer.json.integer(value)
    }

    mutating func encode(_ value: Int8, forKey key: Key) throws {
        member(key)
        writer.json.integer(Int64(value))
    }

    mutating func encode(_ value: Int16, forKey key: Key) throws {
        member(key)
        writer.json.integer(Int64(value))
    }

    mutating func encode(_ value: Int32, forKey key: Key) throws {
        member(key)
        writer.json.integer(Int64(value))
    }

    mutating func encode(_ value: UInt, forKey key: Key) throws {
        member(key)
        writer.json.integer(UInt64(value))
    }

    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        member(key)
        writer.json.integer(UInt64(value))
    }

    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        member(key)
        writer.json.integer(UInt64(value))
    }

    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        member(key)
        writer.json.integer(UInt64(value))
    }

    mutating func encode<Value: Encodable>(_ value: Value, forKey key: Key) throws {
        member(key)
        writer.codingPath.append(key)
        defer { writer.codingPath.removeLast() }
        try writer.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        member(key)
        return KeyedEncodingContainer(KeyedJSONStreamContainer<NestedKey>(writer: writer, at: writer.openContainer(object: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        member(key)
        return UnkeyedJSONStreamContainer(writer: writer, at: writer.openContainer(object: false))
    }

    mutating func superEncoder() -> any Encoder {
        writer.prepare(depth: depth, id: id)
        writer.json.key("super")
        return writer.beginSuperValue(at: depth)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        member(key)
        return writer.beginSuperValue(at: depth)
    }
}

/// An array's elements, written as they come.
struct UnkeyedJSONStreamContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let depth: Int
    let id: Int
    private(set) var count = 0

    init(writer: JSONStreamWriter, at position: (depth: Int, id: Int)) {
        self.writer = writer
        (depth, id) = position
    }

    var codingPath: [any CodingKey] { writer.codingPath }

    private mutating func element() {
        writer.prepare(depth: depth, id: id)
        count += 1
    }

    mutating func encodeNil() throws {
        element()
        writer.json.null()
    }

    mutating func encode(_ value: Bool) throws {
        element()
        writer.json.bool(value)
    }

    mutating func encode(_ value: String) throws {
        element()
        writer.json.string(value)
    }

    mutating func encode(_ value: Double) throws {
        element()
        writer.write(value)
    }

    mutating func encode(_ value: Float) throws {
        element()
        writer.write(Double(value))
    }

    mutating func encode(_ value: Int) throws {
        element()
        writer.json.integer(Int64(value))
    }

    mutating func encode(_ value: Int64) throws {
        element()
        writer.json.integer(value)
    }

    mutating func encode(_ value: UInt64) throws {
        element()
        writer.json.integer(value)
    }

    mutating func encode(_ value: Int8) throws {
        element()
        writer.json.integer(Int64(value))
    }

    mutating func encode(_ value: Int16) throws {
        element()
        writer.json.integer(Int64(value))
    }

    mutating func encode(_ value: Int32) throws {
        element()
        writer.json.integer(Int64(value))
    }

    mutating func encode(_ value: UInt) throws {
        element()
        writer.json.integer(UInt64(value))
    }

    mutating func encode(_ value: UInt8) throws {
        element()
        writer.json.integer(UInt64(value))
    }

    mutating func encode(_ value: UInt16) throws {
        element()
        writer.json.integer(UInt64(value))
    }

    mutating func encode(_ value: UInt32) throws {
        element()
        writer.json.integer(UInt64(value))
    }

    mutating func encode<Value: Encodable>(_ value: Value) throws {
        element()
        try writer.write(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        element()
        return KeyedEncodingContainer(KeyedJSONStreamContainer<NestedKey>(writer: writer, at: writer.openContainer(object: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        element()
        return UnkeyedJSONStreamContainer(writer: writer, at: writer.openContainer(object: false))
    }

    mutating func superEncoder() -> any Encoder {
        element()
        return writer.beginSuperValue(at: depth)
    }
}

/// The one value of a value that encodes itself as a single value, written in place.
struct SingleJSONStreamContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter

    var codingPath: [any CodingKey] { writer.codingPath }

    mutating func encodeNil() throws { writer.json.null() }
    mutating func encode(_ value: Bool) throws { writer.json.bool(value) }
    mutating func encode(_ value: String) throws { writer.json.string(value) }
    mutating func encode(_ value: Double) throws { writer.write(value) }
    mutating func encode(_ value: Float) throws { writer.write(Double(value)) }
    mutating func encode(_ value: Int) throws { writer.json.integer(Int64(value)) }
    mutating func encode(_ value: Int64) throws { writer.json.integer(value) }
    mutating func encode(_ value: UInt64) throws { writer.json.integer(value) }
    mutating func encode(_ value: Int8) throws { writer.json.integer(Int64(value)) }
    mutating func encode(_ value: Int16) throws { writer.json.integer(Int64(value)) }
    mutating func encode(_ value: Int32) throws { writer.json.integer(Int64(value)) }
    mutating func encode(_ value: UInt) throws { writer.json.integer(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { writer.json.integer(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { writer.json.integer(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { writer.json.integer(UInt64(value)) }
    mutating func encode<Value: Encodable>(_ value: Value) throws { try writer.write(value) }
}
