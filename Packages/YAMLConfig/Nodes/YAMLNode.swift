/// A YAML node with the origin of every key and value: the tree that decoding and schema checks
/// walk. Aliases are resolved (an alias is a copy of its anchor's node) and merge keys applied.
public struct YAMLNode: Hashable, Sendable {
    /// A scalar's text and how it was written.
    public struct Scalar: Hashable, Sendable {
        /// How a scalar was written, which decides how its text resolves (see ``YAMLNode/resolved``).
        public enum Style: Hashable, Sendable {
            /// Unquoted: `42`, `true`, `~` and `BTC-USD` resolve by the YAML 1.2 core schema.
            case plain
            /// Quoted, block or tagged `!!str`: always a string.
            case string
        }

        /// The scalar's text.
        public var text: String
        /// How the scalar was written.
        public var style: Style

        /// Creates a scalar.
        public init(text: String, style: Style) {
            self.text = text
            self.style = style
        }
    }

    /// One key and value of a mapping.
    public struct Entry: Hashable, Sendable {
        /// The key node; always a scalar.
        public var key: YAMLNode
        /// The value node.
        public var value: YAMLNode

        /// The key's text.
        public var name: String { key.scalar?.text ?? "" }

        /// Creates an entry.
        public init(key: YAMLNode, value: YAMLNode) {
            self.key = key
            self.value = value
        }
    }

    /// What a node holds.
    public enum Content: Hashable, Sendable {
        /// A single value.
        case scalar(Scalar)
        /// An ordered list.
        case sequence([YAMLNode])
        /// Keys and values in file order.
        case mapping([Entry])
    }

    /// What the node holds.
    public var content: Content
    /// Where the node starts.
    public var origin: YAMLOrigin

    /// Creates a node.
    public init(_ content: Content, origin: YAMLOrigin) {
        self.content = content
        self.origin = origin
    }

    /// The scalar, when the node is one.
    public var scalar: Scalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The entries, when the node is a mapping.
    public var entries: [Entry]? {
        if case .mapping(let entries) = content { return entries }
        return nil
    }

    /// The items, when the node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The value at `key` when the node is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.name == key }?.value
    }

    /// The node at a path of keys (mapping keys as strings, list positions as integers).
    public func node(at path: [YAMLPathComponent]) -> YAMLNode? {
        var node = self
        for component in path {
            switch component {
            case .key(let key):
                guard let child = node[key] else { return nil }
                node = child
            case .index(let index):
                guard let items = node.items, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        return node
    }

    /// The origin of the key at the end of `path` (for a finding about a key), or of the value for a
    /// list position; `nil` when the path is not in the tree.
    public func keyOrigin(at path: [YAMLPathComponent]) -> YAMLOrigin? {
        guard let last = path.last else { return origin }
        guard let parent = node(at: path.dropLast()) else { return nil }
        switch last {
        case .key(let key): return parent.entries?.first { $0.name == key }?.key.origin
        case .index(let index):
            guard let items = parent.items, items.indices.contains(index) else { return nil }
            return items[index].origin
        }
    }

    /// A short name of the node's kind for messages: "a mapping", "a list", or the scalar quoted.
    var kindDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar):
            if case .null = resolved { "null" } else { "\(Quoted.text(scalar.text))" }
        }
    }
}
