import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs backtests through the same engine that trades live.
@main
struct TraderBacktest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trader-backtest",
        abstract: "Replay historical candles through the trading engine against a simulated exchange.",
        discussion: "Exit status: 0 success, 1 the run broke a risk invariant, 2 usage, configuration or data error.",
        subcommands: [RunCommand.self])

    /// Parses and runs, mapping argument errors to exit status 2 (ArgumentParser's own is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            StandardError.write(fullMessage(for: error) + "\n")
            exit(withError: ExitCode(2))
        }
    }
}

/// Unbuffered writes to standard error (progress and diagnostics; standard output carries the
/// summary).
enum StandardError {
    static func write(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Whether standard error is a terminal (progress redraws one line there).
    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
