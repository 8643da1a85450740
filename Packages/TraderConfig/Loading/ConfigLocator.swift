import YAMLConfig

/// Finds where a value of the configuration was written, for findings about it: a key's origin in
/// its file (or the variable that overrode it).
struct ConfigLocator: Sendable {
    let roots: [ConfigFileSet.Role: YAMLNode]
    let paths: [ConfigFileSet.Role: String]

    /// The origin of the key (or list item) at `path` in `role`'s file; the file's start when the
    /// path is not there.
    func callAsFunction(_ role: ConfigFileSet.Role, _ path: YAMLPathComponent...) -> YAMLOrigin {
        origin(role, path)
    }

    func origin(_ role: ConfigFileSet.Role, _ path: [YAMLPathComponent]) -> YAMLOrigin {
        if let origin = roots[role]?.keyOrigin(at: path) { return origin }
        return .file(SourceLocation(file: paths[role] ?? role.fileName, line: 1, column: 1))
    }

    /// The origin of the value (not the key) at `path`, for findings about a value.
    func valueOrigin(_ role: ConfigFileSet.Role, _ path: YAMLPathComponent...) -> YAMLOrigin {
        valueOrigin(role, path)
    }

    func valueOrigin(_ role: ConfigFileSet.Role, _ path: [YAMLPathComponent]) -> YAMLOrigin {
        roots[role]?.node(at: path)?.origin ?? origin(role, path)
    }

    /// The keys of the mapping at `path` in file order; `nil` when it is not a mapping.
    func keys(_ role: ConfigFileSet.Role, _ path: YAMLPathComponent...) -> [String]? {
        roots[role]?.node(at: path)?.entries?.map(\.name)
    }
}
