#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What config-lint does, as a library: load the given folder or files and turn the findings into a
/// ``LintReport``.
public struct ConfigLinter: Sendable {
    /// The environment that overrides and secrets come from.
    public var environment: [String: String]

    /// Creates a linter over an environment.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Lints one folder (its `app.yaml`, `policy.yaml` and `universe.yaml`) or a list of files.
    ///
    /// - Throws: ``ConfigUsageError`` when the arguments name no usable configuration: no paths, a
    ///   folder among other paths, a path that does not exist, a file of unknown role.
    public func lint(paths: [String], deployment: DeploymentEnvironment? = nil, strict: Bool = false)
        throws(ConfigUsageError) -> LintReport
    {
        let set = try Self.fileSet(for: paths)
        let result = TraderConfigLoader(environment: environment).load(set, deployment: deployment)
        return LintReport(findings: result.findings, hash: result.hash, strict: strict)
    }

    static func fileSet(for paths: [String]) throws(ConfigUsageError) -> ConfigFileSet {
        guard !paths.isEmpty else { throw ConfigUsageError("give a configuration folder or files") }
        for path in paths where access(path, F_OK) != 0 {
            throw ConfigUsageError("\(path): no such file or folder")
        }
        if paths.count == 1, isDirectory(paths[0]) { return .directory(paths[0]) }
        for path in paths where isDirectory(path) {
            throw ConfigUsageError("\(path) is a folder; give one folder alone, or files")
        }
        return try ConfigFileSet(files: paths)
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }
}
