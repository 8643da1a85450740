/// Which configuration files to load: any of `app.yaml`, `policy.yaml` and `universe.yaml`, each
/// recognised by its file name.
public struct ConfigFileSet: Hashable, Sendable {
    /// The role of a configuration file.
    public enum Role: String, CaseIterable, Hashable, Sendable, Comparable {
        case app, policy, universe

        /// The file name of this role.
        public var fileName: String { "\(rawValue).yaml" }

        public static func < (lhs: Role, rhs: Role) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The path of each role's file, when it is part of the set.
    public private(set) var paths: [Role: String]

    /// The three files of a configuration folder.
    public static func directory(_ path: String) -> ConfigFileSet {
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        return ConfigFileSet(paths: Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, "\(folder)/\($0.fileName)") }))
    }

    /// Files named `app.yaml`, `policy.yaml` or `universe.yaml` (or `.yml`) in any folders.
    ///
    /// - Throws: ``ConfigUsageError`` for a file with another name, or two files of one role.
    public init(files: [String]) throws(ConfigUsageError) {
        var paths: [Role: String] = [:]
        for file in files {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let stem = name.hasSuffix(".yaml") ? name.dropLast(5) : name.hasSuffix(".yml") ? name.dropLast(4) : nil
            guard let stem, let role = Role(rawValue: String(stem)) else {
                throw ConfigUsageError("cannot tell what \(file) configures; name it app.yaml, policy.yaml or universe.yaml")
            }
            if let earlier = paths[role] {
                throw ConfigUsageError("\(earlier) and \(file) are both \(role.fileName); give one of each")
            }
            paths[role] = file
        }
        self.paths = paths
    }

    /// A set with the given role paths.
    public init(paths: [Role: String]) {
        self.paths = paths
    }

    /// The roles present, in order.
    public var roles: [Role] { Role.allCases.filter { paths[$0] != nil } }
}

/// A usage error of the configuration tools: arguments that name no usable configuration.
public struct ConfigUsageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
