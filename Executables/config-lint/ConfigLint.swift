import ArgumentParser
import TraderConfig

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Validates trader configuration files for pre-deploy hooks and CI.
@main
struct ConfigLint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config-lint",
        abstract: "Validate trader configuration files (app.yaml, policy.yaml, universe.yaml).",
        discussion: """
            Exit status: 0 valid, 1 findings (warnings only under --strict), 2 usage error or \
            unreadable input. TRADER_* environment overrides and secrets are applied as at run time.
            """)

    @Argument(help: "A configuration folder, or app.yaml / policy.yaml / universe.yaml files.")
    var paths: [String] = ["config"]

    @Option(name: .customLong("env"), help: "Lint as this deployment: staging or production.")
    var deployment: DeploymentEnvironment?

    @Option(help: "Output format: text or json.")
    var format: LintReport.Format = .text

    @Flag(help: "Fail on warnings too.")
    var strict = false

    /// Runs the command, mapping argument errors to exit status 2 (ArgumentParser's own is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            let message = fullMessage(for: error) + "\n"
            _ = Array(message.utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            exit(withError: ExitCode(2))
        }
    }

    func run() throws {
        let report: LintReport
        do {
            report = try ConfigLinter(environment: ProcessInfo.processInfo.environment)
                .lint(paths: paths, deployment: deployment, strict: strict)
        } catch {
            throw ValidationError(error.message)
        }
        print(report.rendered(as: format))
        if format == .json, report.passed, let hash = report.hash {
            let line = Array("config hash: \(hash)\n".utf8)
            _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
        throw ExitCode(report.exitCode)
    }
}

extension DeploymentEnvironment: ExpressibleByArgument {}
extension LintReport.Format: ExpressibleByArgument {}
