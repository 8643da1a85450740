import Foundation
import TraderTestKit

/// Runs the built trader-backtest (or trader-report) as a subprocess and captures what it prints.
struct TraderBacktestProcess {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The built `program`, beside the test bundle (or `program` itself when it is a path).
    static func binary(_ program: String) -> String {
        if program.hasPrefix("/") { return program }
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = bundleFolder.appendingPathComponent(program).path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : SharedData.packageRoot + "/.build/debug/" + program
    }

    static func run(_ arguments: [String], program: String = "trader-backtest") throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary(program))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: SharedData.packageRoot)
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRADER_") }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read standard error on its own thread so neither pipe can fill and stall the child.
        nonisolated(unsafe) var errorData = Data()
        let reader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1_000) }
        return Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
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
