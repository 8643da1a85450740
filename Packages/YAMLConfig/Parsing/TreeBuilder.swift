import CYAML

/// Turns libyaml events into a ``YAMLNode`` tree: resolves aliases, applies merge keys, rejects
/// duplicate and non-string keys, and enforces ``YAMLLimits``.
struct TreeBuilder {
    /// A collection being built.
    private struct Frame {
        enum Kind { case sequence, mapping }
        let kind: Kind
        let origin: YAMLOrigin
        let anchor: String?
        /// The children in order; for a mapping, keys and values alternate.
        var children: [YAMLNode] = []
        /// This node and every node below it, aliases expanded.
        var weight = 1
    }

    private static let coreTagPrefix = "tag:yaml.org,2002:"
    private static let coreTags: Set<String> = ["str", "int", "float", "bool", "null", "map", "seq"]

    private let file: String
    private let limits: YAMLLimits
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var root: YAMLNode?
    private var documentCount = 0
    private var nodeCount = 0
    private var diagnostics: [YAMLDiagnostic] = []

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    /// The finished document; a null scalar at 1:1 when the stream held no document.
    func finish() -> YAMLDocument {
        let emptyRoot = YAMLNode(.scalar(.init(text: "", style: .plain)), origin: origin(line: 1, column: 1))
        return YAMLDocument(root: root ?? emptyRoot, diagnostics: diagnostics)
    }

    func diagnostic(_ code: YAMLDiagnostic.Code, line: Int, column: Int, path: String = "", _ message: String)
        -> YAMLDiagnostic
    {
        YAMLDiagnostic(code: code, origin: origin(line: line, column: column), path: path, message: message)
    }

    private func origin(line: Int, column: Int) -> YAMLOrigin {
        .file(SourceLocation(file: file, line: line, column: column))
    }

    private func origin(of mark: yaml_mark_t) -> YAMLOrigin {
        origin(line: mark.line + 1, column: mark.column + 1)
    }

    mutating func consume(_ event: yaml_event_t) throws(YAMLDiagnostic) {
        let mark = event.start_mark
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                throw diagnostic(
                    .multipleDocuments, line: mark.line + 1, column: mark.column + 1,
                    "a configuration file holds one YAML document; a second one starts here")
            }
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            var style: YAMLNode.Scalar.Style = data.style == YAML_PLAIN_SCALAR_STYLE ? .plain : .string
            if let tag = try checkedTag(data.tag, mark: mark), tag == "str" || tag == "!" { style = .string }
            try count(1, mark: mark, viaAlias: false)
            let node = YAMLNode(.scalar(.init(text: text, style: style)), origin: origin(of: mark))
            try add(node, weight: 1, anchor: Self.string(data.anchor), mark: mark)
        case YAML_SEQUENCE_START_EVENT:
            _ = try checkedTag(event.data.sequence_start.tag, mark: mark)
            try open(.sequence, anchor: Self.string(event.data.sequence_start.anchor), mark: mark)
        case YAML_MAPPING_START_EVENT:
            _ = try checkedTag(event.data.mapping_start.tag, mark: mark)
            try open(.mapping, anchor: Self.string(event.data.mapping_start.anchor), mark: mark)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try close()
        case YAML_ALIAS_EVENT:
            let name = Self.string(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                throw diagnostic(
                    .unknownAlias, line: mark.line + 1, column: mark.column + 1,
                    "alias *\(name) names no anchor defined before it")
            }
            try count(anchored.weight, mark: mark, viaAlias: true)
            try add(anchored.node, weight: anchored.weight, anchor: nil, mark: mark)
        default:
            break
        }
    }

    /// The core-schema tag name (`str`, `int`, ...), `!` for the non-specific tag, `nil` for none.
    private mutating func checkedTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, mark: yaml_mark_t)
        throws(YAMLDiagnostic) -> String?
    {
        guard let tag = Self.string(pointer) else { return nil }
        if tag == "!" { return tag }
        if tag.hasPrefix(Self.coreTagPrefix), Self.coreTags.contains(String(tag.dropFirst(Self.coreTagPrefix.count))) {
            return String(tag.dropFirst(Self.coreTagPrefix.count))
        }
        diagnostics.append(
            diagnostic(
                .unsupportedTag, line: mark.line + 1, column: mark.column + 1, path: currentPath,
                "tag \(tag) is not supported; only the YAML core schema's tags are"))
        return nil
    }

    private mutating func count(_ nodes: Int, mark: yaml_mark_t, viaAlias: Bool) throws(YAMLDiagnostic) {
        nodeCount += nodes
        guard nodeCount > limits.maxNodes else { return }
        if viaAlias {
            throw diagnostic(
                .aliasExpansionLimit, line: mark.line + 1, column: mark.column + 1,
                "aliases expand the document past \(limits.maxNodes) nodes")
        }
        throw diagnostic(
            .tooManyNodes, line: mark.line + 1, column: mark.column + 1,
            "the document has more than \(limits.maxNodes) nodes")
    }

    private mutating func open(_ kind: Frame.Kind, anchor: String?, mark: yaml_mark_t) throws(YAMLDiagnostic) {
        guard stack.count < limits.maxDepth else {
            throw diagnostic(
                .nestingTooDeep, line: mark.line + 1, column: mark.column + 1,
                "collections are nested deeper than \(limits.maxDepth) levels")
        }
        try count(1, mark: mark, viaAlias: false)
        stack.append(Frame(kind: kind, origin: origin(of: mark), anchor: anchor))
    }

    /// The key path of the node being built, from the open collections above it.
    private var currentPath: String {
        var path: [YAMLPathComponent] = []
        for frame in stack {
            switch frame.kind {
            case .sequence: path.append(.index(frame.children.count))
            case .mapping:
                guard frame.children.count % 2 == 1, let key = frame.children.last?.scalar?.text else { return YAMLPathComponent.render(path) }
                path.append(.key(key))
            }
        }
        return YAMLPathComponent.render(path)
    }

    private mutating func close() throws(YAMLDiagnostic) {
        let frame = stack.removeLast()
        let node: YAMLNode
        switch frame.kind {
        case .sequence: node = YAMLNode(.sequence(frame.children), origin: frame.origin)
        case .mapping: node = YAMLNode(.mapping(buildEntries(frame.children)), origin: frame.origin)
        }
        try add(node, weight: frame.weight, anchor: frame.anchor, mark: nil)
    }

    private mutating func add(_ node: YAMLNode, weight: Int, anchor: String?, mark: yaml_mark_t?)
        throws(YAMLDiagnostic)
    {
        if let anchor { anchors[anchor] = (node, weight) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        stack[stack.count - 1].children.append(node)
        stack[stack.count - 1].weight += weight
    }

    /// Pairs keys with values, dropping (and reporting) non-string and duplicate keys, then applies
    /// merge keys: merged entries never replace keys written in the mapping itself.
    private mutating func buildEntries(_ children: [YAMLNode]) -> [YAMLNode.Entry] {
        var entries: [YAMLNode.Entry] = []
        var firstSeen: [String: YAMLOrigin] = [:]
        var merges: [YAMLNode] = []
        let parentPath = currentPath
        func path(_ key: String) -> String { parentPath.isEmpty ? key : parentPath + "." + key }
        for pairStart in stride(from: 0, to: children.count - 1, by: 2) {
            let key = children[pairStart]
            let value = children[pairStart + 1]
            guard let scalar = key.scalar, case .string(let name) = key.resolved else {
                if let scalar = key.scalar, scalar.style == .plain, scalar.text == "<<" {
                    merges.append(value)
                    continue
                }
                diagnostics.append(
                    YAMLDiagnostic(
                        code: .nonStringKey, origin: key.origin, path: parentPath,
                        message: "mapping keys must be strings; got \(key.kindDescription)"))
                continue
            }
            if scalar.style == .plain, name == "<<" {
                merges.append(value)
                continue
            }
            if let first = firstSeen[name] {
                diagnostics.append(
                    YAMLDiagnostic(
                        code: .duplicateKey, origin: key.origin, path: path(name),
                        message: "duplicate key \(Quoted.text(name)); first defined at \(first)"))
                continue
            }
            firstSeen[name] = key.origin
            entries.append(YAMLNode.Entry(key: key, value: value))
        }
        for merge in merges {
            let sources = merge.items ?? [merge]
            for source in sources {
                guard let merged = source.entries else {
                    diagnostics.append(
                        YAMLDiagnostic(
                            code: .invalidMerge, origin: source.origin, path: parentPath,
                            message: "a merge key (<<) takes a mapping or a list of mappings"))
                    continue
                }
                for entry in merged where firstSeen[entry.name] == nil {
                    firstSeen[entry.name] = entry.key.origin
                    entries.append(entry)
                }
            }
        }
        return entries
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}
