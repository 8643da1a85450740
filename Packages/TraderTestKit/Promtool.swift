import Foundation

/// Prometheus's own checker of the text exposition format (Debian's prometheus package, which
/// scripts/setup installs).
public enum Promtool {
    /// The path it is installed at.
    public static let path = "/usr/bin/promtool"

    /// What `promtool check metrics` says of `exposition`: empty when it accepts it.
    ///
    /// - Throws: when promtool is missing or cannot be run.
    public static func check(_ exposition: String) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: "promtool is not installed: scripts/setup installs Debian's prometheus package"])
        }
        let promtool = Process()
        promtool.executableURL = URL(fileURLWithPath: path)
        promtool.arguments = ["check", "metrics"]
        let input = Pipe()
        let output = Pipe()
        promtool.standardInput = input
        promtool.standardOutput = output
        promtool.standardError = output
        try promtool.run()
        input.fileHandleForWriting.write(Data(exposition.utf8))
        try input.fileHandleForWriting.close()
        let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        promtool.waitUntilExit()
        return promtool.terminationStatus == 0 ? "" : "status \(promtool.terminationStatus): \(said)"
    }
}
