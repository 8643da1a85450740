import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `trader-report`: a run's report (``ShowCommand``, the default), or a backtest and a live run
/// side by side (``CompareCommand``).
@main
struct TraderReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trader-report",
        abstract: "Reports on backtests and live runs, and compares the two.",
        discussion: """
            Exit status: 0 success; 1 compare found drift (a flag raised); 2 usage or data error.
            """,
        subcommands: [ShowCommand.self, CompareCommand.self], defaultSubcommand: ShowCommand.self)

    /// Parses and runs, mapping argument errors to exit status 2 (ArgumentParser's own is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            standardError(fullMessage(for: error) + "\n")
            exit(withError: ExitCode(2))
        }
    }

    static func standardError(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
