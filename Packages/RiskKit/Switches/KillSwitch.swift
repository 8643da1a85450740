#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The operator's emergency stop, read every cycle: engaged while a file exists at ``filePath`` or
/// while the environment variable ``environmentFlag`` is set to anything but empty, `0` or
/// `false`. A path that cannot be checked (a permission error on a parent folder) counts as
/// engaged: the switch fails closed.
public struct KillSwitch: Hashable, Sendable {
    /// The file whose presence halts trading, if any.
    public let filePath: String?
    /// The environment variable that halts trading when set.
    public let environmentFlag: String?

    /// A switch on a file, an environment flag, or both.
    public init(filePath: String?, environmentFlag: String? = "TRADER_KILL_SWITCH") {
        self.filePath = filePath
        self.environmentFlag = environmentFlag
    }

    /// Whether the switch is engaged now.
    ///
    /// - Parameter environment: the process environment (injected so that tests need not set it).
    public func isEngaged(environment: [String: String]) -> Bool {
        if let environmentFlag, let value = environment[environmentFlag], !["", "0", "false"].contains(value.lowercased()) {
            return true
        }
        guard let filePath else { return false }
        var status = stat()
        if stat(filePath, &status) == 0 { return true }
        return errno != ENOENT
    }
}
