import ArgumentParser
import Backtest
import TradingEngine
import TraderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `trader-backtest run`: one backtest from configuration (or a preset) and candle files.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a backtest and print its summary.",
        discussion: """
            Each --data is SYMBOL=FILE (FILE alone with --preset, for --symbol). Files are CSV with the \
            header timestamp,open,high,low,close,volume (unix seconds, UTC, bar open time). Several files \
            replay together in time order. Progress goes to standard error, the summary to standard output.
            """)

    @Option(help: "A configuration folder (app.yaml, policy.yaml, universe.yaml).")
    var config: String?

    @Option(help: "A built-in strategy instead of --config: ema-crossover.")
    var preset: Preset?

    @Option(help: "The symbol a preset trades, and of a --data FILE without SYMBOL=.")
    var symbol = "BTC-USD"

    @Option(name: .customLong("data"), help: "Candles: SYMBOL=FILE or FILE (repeatable).")
    var data: [String] = []

    @Option(help: "The first bar open time replayed: 2021-01-01 or 2021-01-01T00:00:00Z.")
    var from: String?

    @Option(help: "Replay stops before this bar open time.")
    var to: String?

    @Option(help: "Resample the candles to 5m, 15m, 1h, 4h or 1d first.")
    var interval: String?

    @Option(help: "A folder for the artifacts (orders.json, trades.json, equity.csv, exposure.csv, metrics.json, config.json).")
    var out: String?

    @Option(help: "Summary format: text or json.")
    var format: BacktestSummary.Format = .text

    @Option(help: "Starting cash in the quote currency.")
    var cash = "100000"

    @Option(help: "The price increment of every traded product (configuration runs).")
    var priceIncrement = "0.01"

    @Flag(help: "Fill resting limits when a bar touches the price (default: only when it trades through).")
    var fillOnTouch = false

    @Option(help: "Cap each fill at this % of the bar's volume (configuration runs).")
    var participationPct: Double = 10

    @Option(help: "Bars between a decision and its order's arrival.")
    var latencyBars = 0

    @Option(help: "Fault injection: lose the venue's answer to every N-th submit (half of those orders still reach it).")
    var loseSubmitAnswers: Int?

    /// The most --cash a run takes: the engine multiplies NAV by percentages and prices, all within
    /// the fixed-point range (about 92 billion).
    static let maxCash = FixedPoint(10_000_000_000)

    enum Preset: String, ExpressibleByArgument {
        case emaCrossover = "ema-crossover"
    }

    func validate() throws {
        guard (config == nil) != (preset == nil) else { throw ValidationError("give one of --config and --preset") }
        guard !data.isEmpty else { throw ValidationError("give at least one --data SYMBOL=FILE") }
        guard latencyBars >= 0 else { throw ValidationError("--latency-bars must not be negative") }
        guard participationPct > 0, participationPct <= 100 else { throw ValidationError("--participation-pct must be in (0, 100]") }
        guard loseSubmitAnswers.map({ $0 >= 1 }) ?? true else { throw ValidationError("--lose-submit-answers must be at least 1") }
    }

    func run() throws {
        let sources = try data.map(source)
        let symbols = sources.map(\.symbol)
        let startingCash = try parse(cash, as: "--cash") { FixedPoint($0) }
        guard startingCash.raw > 0, startingCash <= Self.maxCash else {
            throw ValidationError("--cash \(cash): give a positive amount of at most \(Self.maxCash)")
        }
        if let from, let to, try instant(from, as: "--from") >= instant(to, as: "--to") {
            throw ValidationError("--from \(from) is not before --to \(to): nothing would be replayed")
        }
        let setup: BacktestSetup
        if preset != nil {
            guard sources.count == 1 else { throw ValidationError("the ema-crossover preset trades one symbol: give one --data") }
            setup = StrategySetup.emaCrossover(symbol: symbols[0])
        } else {
            let tick = try parse(priceIncrement, as: "--price-increment") { Price($0) }
            guard tick.value.raw > 0 else { throw ValidationError("--price-increment must be positive") }
            do {
                setup = try StrategySetup.configuration(
                    folder: config!, symbols: symbols,
                    product: { symbol in
                        ProductRules(
                            symbol: symbol, baseIncrement: Quantity(FixedPoint(raw: 1)), priceIncrement: tick,
                            minSize: Quantity(FixedPoint(raw: 1)), maxSize: Quantity(FixedPoint(1_000_000)), minNotional: .zero,
                            status: .online)
                    },
                    fills: FillOptions(onTouch: fillOnTouch, participationPct: participationPct, latencyBars: latencyBars))
            } catch let error as ConfigurationError {
                for line in error.lines { StandardError.write(line + "\n") }
                throw ExitCode(2)
            }
        }
        let job = BacktestJob(
            setup: setup, sources: sources, cash: startingCash, from: try from.map { try instant($0, as: "--from") },
            to: try to.map { try instant($0, as: "--to") }, interval: try interval.map(barInterval), out: out,
            faults: ExchangeFaults(lostSubmitAnswerEvery: loseSubmitAnswers))
        let outcome: BacktestJob.Outcome
        do {
            var reporter = ProgressReporter(isTerminal: StandardError.isTerminal)
            outcome = try job.run { fraction, bars in reporter.update(fraction: fraction, bars: bars) }
            reporter.finish(bars: outcome.result.bars)
        } catch let error as DataError {
            StandardError.write("\(error)\n")
            throw ExitCode(2)
        } catch let error as ArtifactError {
            StandardError.write("\(error)\n")
            throw ExitCode(2)
        } catch let error as ArithmeticError {
            // An amount past the fixed-point range (about ±92 billion): the inputs, not the run, are at fault.
            StandardError.write("error: \(error.code): \(error.operation): the amounts of this run exceed the exact range (±\(FixedPoint.max))\n")
            throw ExitCode(2)
        }
        for warning in outcome.warnings { StandardError.write("warning: \(warning)\n") }
        print(BacktestSummary(outcome: outcome, setupName: preset?.rawValue ?? config!, out: out).rendered(as: format))
        for violation in outcome.result.violations { StandardError.write("error: risk invariant: \(violation)\n") }
        if !outcome.result.violations.isEmpty { throw ExitCode(1) }
    }

    private func source(_ spec: String) throws -> HistoricalFeed.Source {
        guard let equals = spec.firstIndex(of: "=") else {
            guard preset != nil else { throw ValidationError("--data \(spec): give SYMBOL=FILE with --config") }
            return HistoricalFeed.Source(symbol: try parse(symbol, as: "--symbol") { Symbol(canonical: $0) }, path: spec)
        }
        let name = String(spec[..<equals])
        let symbol = try parse(name, as: "--data") { Symbol(canonical: $0) }
        return HistoricalFeed.Source(symbol: symbol, path: String(spec[spec.index(after: equals)...]))
    }

    private func instant(_ text: String, as option: String) throws -> Timestamp {
        let full = text.count == 10 ? text + "T00:00:00Z" : text
        return try parse(full, as: option) { ISO8601Format.parse($0) }
    }

    private func barInterval(_ text: String) throws -> BarInterval {
        try parse(text, as: "--interval") { BarInterval($0) }
    }

    private func parse<T>(_ text: String, as option: String, _ make: (String) -> T?) throws -> T {
        guard let value = make(text) else { throw ValidationError("\(option): cannot read \"\(text)\"") }
        return value
    }
}

extension BacktestSummary.Format: ExpressibleByArgument {}
