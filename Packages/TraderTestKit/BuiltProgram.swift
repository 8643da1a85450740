import Foundation

/// One of the package's built executables, run as a subprocess from the package root, its output
/// captured.
public enum BuiltProgram {
    /// How a run ended and what it printed.
    public struct Outcome: Sendable {
        /// The exit status.
        public var status: Int32
        /// What it wrote to standard output.
        public var standardOutput: String
        /// What it wrote to standard error.
        public var standardError: String
    }

    /// The built `program`, beside the test bundle (or `program` itself when it is a path).
    public static func binary(_ program: String) -> String {
        if program.hasPrefix("/") { return program }
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = bundleFolder.appendingPathComponent(program).path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : SharedData.packageRoot + "/.build/debug/" + program
    }

    /// Runs `program` with `arguments` until it exits, without the caller's `TRADER_` environment.
    public static func run(_ program: String, _ arguments: [String]) throws -> Outcome {
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
}
