#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that finds `../shared` (real candles, recorded venue payloads, reference notes):
/// `$TRADER_SHARED` when set, else `../shared` beside the package root. Data is read from there at
/// test time and never copied into the repository (DESIGN.md §6).
public enum SharedData {
    /// A shared file that is not where it is expected.
    public struct Missing: Error, CustomStringConvertible {
        /// The path looked for.
        public let path: String
        public var description: String {
            "shared data not found at \(path); set TRADER_SHARED to the shared folder (default: ../shared beside the package)"
        }
    }

    /// The package root, from this file's location.
    public static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// The shared folder.
    public static var root: String {
        if let override = getenv("TRADER_SHARED") { return String(cString: override) }
        return packageRoot + "/../shared"
    }

    /// The path of a shared file, checked to exist.
    ///
    /// - Throws: ``Missing`` when the file is not there, saying where it was expected.
    public static func path(_ relative: String) throws -> String {
        let path = root + "/" + relative
        guard access(path, R_OK) == 0 else { throw Missing(path: path) }
        return path
    }
}
