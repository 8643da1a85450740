import Foundation
import TraderTestKit

/// Runs the built trader-backtest (or trader-report) as a subprocess, on copies of the shipped configuration.
struct TraderBacktestProcess {
    static func run(_ arguments: [String], program: String = "trader-backtest") throws -> BuiltProgram.Outcome {
        try BuiltProgram.run(program, arguments)
    }

    /// A copy of the shipped configuration in a new temporary folder, with one text of
    /// `policy.yaml` replaced; returns the folder (the caller removes it).
    static func shippedConfig(replacingInPolicy original: String, with replacement: String) throws -> String {
        let folder = temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["app.yaml", "policy.yaml", "universe.yaml"] {
            try FileManager.default.copyItem(atPath: SharedData.packageRoot + "/config/" + name, toPath: folder + "/" + name)
        }
        let policy = try String(contentsOfFile: folder + "/policy.yaml", encoding: .utf8)
        precondition(policy.contains(original), "policy.yaml no longer contains \(original)")
        try policy.replacingOccurrences(of: original, with: replacement).write(toFile: folder + "/policy.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    /// A new temporary folder's path (not created).
    static func temporaryFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("trader-backtest-tests-\(UUID().uuidString)").path
    }
}
