/// The `Decoder` handed to a `Decodable` type's initializer for one node. A `nil` node means the
/// value is absent and only a placeholder is being built: its containers are empty and report
/// nothing.
struct NodeDecoder: Decoder {
    /// Which keys of a mapping the type asked for, so the rest can be reported as unknown.
    final class KeyUsage {
        var entries: [YAMLNode.Entry] = []
        var asked: Set<String> = []
        var known: [String] = []
        var acceptsAnyKey = false
    }

    let node: YAMLNode?
    let session: DecodingSession
    let path: [YAMLPathComponent]
    /// The rules of the type being decoded, for its fields.
    let fieldRules: [String: YAMLFieldRule]
    /// The rule on this value itself, from its parent.
    let rule: YAMLFieldRule?
    let usage = KeyUsage()

    init(
        node: YAMLNode?, session: DecodingSession, path: [YAMLPathComponent],
        fieldRules: [String: YAMLFieldRule] = [:], rule: YAMLFieldRule? = nil
    ) {
        self.node = node
        self.session = session
        self.path = path
        self.fieldRules = fieldRules
        self.rule = rule
    }

    var codingPath: [any CodingKey] { path.map(PathKey.init) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if let cases = type as? any CaseIterable.Type {
            usage.known += Self.names(of: cases).map(session.decoder.keyDecoding.yamlKey(for:))
        }
        guard let node else {
            return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self, mapping: nil))
        }
        switch node.content {
        case .mapping(let entries):
            usage.entries = entries
        case .scalar where node.resolved == .null:
            usage.entries = []
        default:
            session.record(.typeMismatch, at: node.origin, path: path, "expected a mapping, got \(node.kindDescription)")
            return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: absent, mapping: nil))
        }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(decoder: self, mapping: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let node else { return NodeUnkeyedContainer(decoder: self, items: []) }
        switch node.content {
        case .sequence(let items):
            return NodeUnkeyedContainer(decoder: self, items: items)
        case .scalar where node.resolved == .null:
            return NodeUnkeyedContainer(decoder: self, items: [])
        default:
            session.record(.typeMismatch, at: node.origin, path: path, "expected a list, got \(node.kindDescription)")
            return NodeUnkeyedContainer(decoder: absent, items: [])
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        NodeSingleValueContainer(decoder: self)
    }

    /// A decoder for the same place that builds placeholders only.
    private var absent: NodeDecoder { NodeDecoder(node: nil, session: session, path: path) }

    /// Reports each key of the mapping that the type never asked for.
    func reportUnknownKeys() {
        guard !usage.acceptsAnyKey else { return }
        let candidates = Array(Set(usage.known).union(usage.asked)).sorted()
        for entry in usage.entries where !usage.asked.contains(entry.name) && !usage.known.contains(entry.name) {
            var message = "unknown key \(Quoted.text(entry.name))"
            if let suggestion = Suggestion.closest(to: entry.name, among: candidates) {
                message += "; did you mean \"\(suggestion)\"?"
            }
            session.record(.unknownKey, at: entry.key.origin, path: path + [.key(entry.name)], message)
        }
    }

    private static func names<Cases: CaseIterable>(of type: Cases.Type) -> [String] {
        Cases.allCases.compactMap { ($0 as? any CodingKey)?.stringValue }
    }
}

/// A `CodingKey` for one step of a ``YAMLPathComponent`` path.
struct PathKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ component: YAMLPathComponent) {
        switch component {
        case .key(let key): (stringValue, intValue) = (key, nil)
        case .index(let index): (stringValue, intValue) = ("\(index)", index)
        }
    }

    init?(stringValue: String) { (self.stringValue, self.intValue) = (stringValue, nil) }
    init?(intValue: Int) { (self.stringValue, self.intValue) = ("\(intValue)", intValue) }
}
