/// A keyed container over a mapping node. Every key asked for is remembered (for unknown-key
/// reports); a required key that is absent is reported and replaced by a placeholder.
struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    /// The mapping, or `nil` when building a placeholder.
    let mapping: YAMLNode?

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        decoder.usage.acceptsAnyKey = true
        return (mapping?.entries ?? []).compactMap { Key(stringValue: $0.name) }
    }

    /// The entry for `key`, matched as spelled or by the decoder's key strategy; remembers the key
    /// as asked for.
    private func entry(_ key: Key) -> YAMLNode.Entry? {
        let name = yamlName(key)
        decoder.usage.asked.insert(name)
        return mapping?.entries?.first { $0.name == name }
    }

    /// The YAML spelling of `key`: as spelled when the mapping has it so (a dictionary key such as
    /// `BTC`), otherwise by the decoder's key strategy.
    private func yamlName(_ key: Key) -> String {
        if mapping?.entries?.contains(where: { $0.name == key.stringValue }) == true { return key.stringValue }
        return decoder.session.decoder.keyDecoding.yamlKey(for: key.stringValue)
    }

    /// The rule on a field: the type's own rule for it, or, for a mapping that takes any key (a
    /// dictionary), the rule set on the whole mapping, applied to every value.
    private func rule(for key: Key) -> YAMLFieldRule? {
        decoder.fieldRules[yamlName(key)] ?? (decoder.usage.acceptsAnyKey ? decoder.rule : nil)
    }

    private func path(_ key: Key) -> [YAMLPathComponent] {
        decoder.path + [.key(yamlName(key))]
    }

    func contains(_ key: Key) -> Bool { entry(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let value = entry(key)?.value else { return true }
        return value.resolved == .null
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let path = path(key)
        guard let value = entry(key)?.value else {
            if let mapping {
                decoder.session.record(.missingKey, at: mapping.origin, path: path, "required key is missing")
            }
            return try decoder.session.placeholder(type, path: path)
        }
        return try decoder.session.decode(type, node: value, path: path, rule: rule(for: key))
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = entry(key)?.value, value.resolved != .null else { return nil }
        return try decoder.session.decode(type, node: value, path: path(key), rule: rule(for: key))
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(type as Bool.Type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(type as String.Type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(type as Double.Type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(type as Float.Type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(type as Int.Type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(type as Int8.Type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(type as Int16.Type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(type as Int32.Type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(type as Int64.Type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(type as UInt.Type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(type as UInt8.Type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(type as UInt16.Type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(type as UInt32.Type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(type as UInt64.Type, key) }

    /// Routes the primitive overloads to the generic decoding.
    private func decode<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try decode(type, forKey: key) as T
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try childDecoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try childDecoder(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder { childDecoder(key) }

    private func childDecoder(_ key: Key) -> NodeDecoder {
        NodeDecoder(node: entry(key)?.value, session: decoder.session, path: path(key))
    }
}
