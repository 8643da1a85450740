/// Overrides from environment variables: a prefix, then the key path with `__` between keys.
///
/// With the prefix `TRADER_`, `TRADER_RISK__MAX_DAILY_LOSS_PCT=2.5` sets `risk.max_daily_loss_pct`.
/// The value is parsed as YAML (a scalar, or a flow list such as `[BTC-USD, ETH-USD]`) and then
/// typed and validated like a value in the file; every finding about it names the variable.
///
/// A program that reads several files routes each override by its first key: ``apply(to:claiming:)``
/// applies the overrides of the keys a file claims, and ``unclaimed(byAnyOf:)`` reports overrides
/// with a nested path that no file claims (a misspelt section).
public struct YAMLEnvironmentOverrides: Sendable {
    /// One override.
    public struct Override: Hashable, Sendable {
        /// The variable's name, as set.
        public var variable: String
        /// The key path, lower-cased: `["risk", "max_daily_loss_pct"]`.
        public var path: [String]
        /// The variable's value.
        public var value: String
    }

    /// The variable prefix, such as `TRADER_`.
    public let prefix: String
    /// Every variable with the prefix, sorted by name.
    public let overrides: [Override]

    /// Collects the variables of `environment` that start with `prefix`.
    public init(prefix: String, environment: [String: String]) {
        self.prefix = prefix
        self.overrides = environment.compactMap { name, value -> Override? in
            guard name.hasPrefix(prefix), name.count > prefix.count else { return nil }
            let path = name.dropFirst(prefix.count).split(separator: "__", omittingEmptySubsequences: false)
                .map { $0.lowercased() }
            return Override(variable: name, path: path, value: value)
        }.sorted { $0.variable < $1.variable }
    }

    /// Applies the overrides whose first key is in `topLevelKeys` to a document's root.
    ///
    /// - Returns: the new root, and findings (code `invalid_override`) for overrides that cannot be
    ///   applied: an unparseable value, or a path through a list or a scalar.
    public func apply(to root: YAMLNode, claiming topLevelKeys: Set<String>) -> (
        root: YAMLNode, diagnostics: [YAMLDiagnostic]
    ) {
        var root = root
        var diagnostics: [YAMLDiagnostic] = []
        for override in overrides where topLevelKeys.contains(override.path[0]) {
            do {
                let value = try Self.parseValue(of: override)
                root = try Self.setting(value, at: override.path[...], in: root, override: override)
            } catch {
                diagnostics.append(error)
            }
        }
        return (root, diagnostics)
    }

    /// Findings for overrides with a nested path (`A__B`) whose first key is in none of the sets;
    /// single-key variables are left alone, since other settings share the prefix.
    public func unclaimed(byAnyOf keySets: [Set<String>]) -> [YAMLDiagnostic] {
        let known = keySets.reduce(into: Set<String>()) { $0.formUnion($1) }
        return overrides.filter { $0.path.count > 1 && !known.contains($0.path[0]) }.map { override in
            var message = "no configuration section \(Quoted.text(override.path[0]))"
            if let suggestion = Suggestion.closest(to: override.path[0], among: known.sorted()) {
                message += "; did you mean \(prefix)\(suggestion.uppercased())__...?"
            }
            return YAMLDiagnostic(
                code: .invalidOverride, origin: .environment(variable: override.variable),
                path: override.path.joined(separator: "."), message: message)
        }
    }

    private static func parseValue(of override: Override) throws(YAMLDiagnostic) -> YAMLNode {
        let origin = YAMLOrigin.environment(variable: override.variable)
        let document: YAMLDocument
        do {
            document = try YAMLParser().parse(override.value, file: override.variable)
        } catch {
            throw YAMLDiagnostic(
                code: .invalidOverride, origin: origin, path: override.path.joined(separator: "."),
                message: "the value is not a YAML scalar or flow collection: \(error.message)")
        }
        return document.root.reoriginated(to: origin)
    }

    private static func setting(
        _ value: YAMLNode, at path: ArraySlice<String>, in node: YAMLNode, override: Override
    ) throws(YAMLDiagnostic) -> YAMLNode {
        guard let key = path.first else { return value }
        var entries: [YAMLNode.Entry]
        switch node.content {
        case .mapping(let existing): entries = existing
        case .scalar where node.resolved == .null: entries = []
        default:
            throw YAMLDiagnostic(
                code: .invalidOverride, origin: .environment(variable: override.variable),
                path: override.path.joined(separator: "."),
                message: "cannot set \(Quoted.text(key)) inside \(node.kindDescription); only mapping keys can be overridden")
        }
        let origin = YAMLOrigin.environment(variable: override.variable)
        if let index = entries.firstIndex(where: { $0.name == key }) {
            entries[index].value = try setting(value, at: path.dropFirst(), in: entries[index].value, override: override)
        } else {
            let empty = YAMLNode(.scalar(.init(text: "", style: .plain)), origin: origin)
            let keyNode = YAMLNode(.scalar(.init(text: key, style: .plain)), origin: origin)
            entries.append(.init(key: keyNode, value: try setting(value, at: path.dropFirst(), in: empty, override: override)))
        }
        return YAMLNode(.mapping(entries), origin: node.origin)
    }
}

extension YAMLNode {
    /// The same tree with every node's origin replaced.
    func reoriginated(to origin: YAMLOrigin) -> YAMLNode {
        switch content {
        case .scalar: return YAMLNode(content, origin: origin)
        case .sequence(let items): return YAMLNode(.sequence(items.map { $0.reoriginated(to: origin) }), origin: origin)
        case .mapping(let entries):
            return YAMLNode(
                .mapping(entries.map { .init(key: $0.key.reoriginated(to: origin), value: $0.value.reoriginated(to: origin)) }),
                origin: origin)
        }
    }
}
