import Foundation
import TraderConfig

/// Paths the configuration tests use: the repository's shipped `config/`, the bad-config corpus,
/// temporary folders, and the built config-lint binary.
enum TestPaths {
    /// The package root, from this file's location.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let config = root + "/config"
    static let badConfigs = root + "/Tests/TraderConfigTests/Fixtures/BadConfigs"

    /// The shipped configuration with one role's file replaced.
    static func shippedConfig(replacing role: ConfigFileSet.Role, with path: String) -> ConfigFileSet {
        var paths = ConfigFileSet.directory(config).paths
        paths[role] = path
        return ConfigFileSet(paths: paths)
    }

    /// The built config-lint, beside the test bundle.
    static let configLint: String = {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = bundleFolder.appendingPathComponent("config-lint").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : root + "/.build/debug/config-lint"
    }()

    /// A new empty folder under the system's temporary folder (outside any git work tree).
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "trader-config-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of the shipped configuration in a new temporary folder.
    static func copyOfShippedConfig() throws -> String {
        let folder = try temporaryFolder()
        for role in ConfigFileSet.Role.allCases {
            try FileManager.default.copyItem(atPath: "\(config)/\(role.fileName)", toPath: "\(folder)/\(role.fileName)")
        }
        return folder
    }
}
