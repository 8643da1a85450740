import Foundation

/// Runs the built config-lint as a subprocess and captures what it prints.
struct ConfigLintProcess {
    struct Outcome {
        var status: Int32
        var standardOutput: String
        var standardError: String
        var allOutput: String { standardOutput + standardError }
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPaths.configLint)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestPaths.root)
        var childEnvironment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRADER_") }
        childEnvironment.merge(environment) { _, new in new }
        process.environment = childEnvironment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }
}
