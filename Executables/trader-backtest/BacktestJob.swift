import Backtest
import TradingEngine
import TraderCore

/// One backtest: opens the data, builds the engine and the exchange, replays every bar with
/// progress on standard error, and writes the artifacts when asked.
struct BacktestJob {
    /// What a run gives the summary.
    struct Outcome {
        let result: BacktestResult
        let interval: BarInterval
        let symbols: [Symbol]
        let configHash: String
        let warnings: [String]
    }

    let setup: StrategySetup
    let sources: [HistoricalFeed.Source]
    let cash: FixedPoint
    let from: Timestamp?
    let to: Timestamp?
    let interval: BarInterval?
    let out: String?
    let faults: ExchangeFaults

    /// Runs it.
    ///
    /// - Throws: ``DataError``, ``ArtifactError``, and the engine's errors (a broken invariant).
    func run() throws -> Outcome {
        // Parsed on a second core while the first replays.
        let feed = ReadAheadFeed(try HistoricalFeed(sources: sources, resampleTo: interval, from: from, to: to))
        let quote = sources[0].symbol.quote
        let engine = try TradingEngine(configuration: setup.engine, portfolio: Portfolio(currency: Currency(code: quote), cash: cash))
        let exchange = SimulatedExchange(model: setup.fillModel, faults: faults)
        let result: BacktestResult
        if let out {
            let writer = try ArtifactWriter(
                folder: out, assets: Set(sources.map(\.symbol.base)).sorted(), effectiveConfig: setup.effectiveConfig,
                configHash: setup.configHash)
            var runner = BacktestRunner(
                engine: engine, exchange: exchange, interval: feed.interval, recorder: writer, tiers: setup.tiers)
            result = try Self.replay(feed, through: &runner)
            try writer.finish(result)
        } else {
            var runner = BacktestRunner(
                engine: engine, exchange: exchange, interval: feed.interval, recorder: DiscardingRecorder(), tiers: setup.tiers)
            result = try Self.replay(feed, through: &runner)
        }
        var warnings: [String] = []
        let latency = Int64(setup.fillModel.latencyBars) * feed.interval.seconds
        if case .postOnlyLimit = setup.engine.execution.style, let ttl = setup.engine.execution.postOnlyTTL, latency > 0,
            Duration.seconds(latency) >= ttl
        {
            warnings.append(
                "--latency-bars \(setup.fillModel.latencyBars): an order reaches the exchange \(latency) s after its decision, "
                    + "past post_only_ttl_seconds (\(ttl.components.seconds) s), so the engine cancels every post-only order "
                    + "before it can fill; raise the time-to-live above the latency")
        }
        for (symbol, path, quality) in feed.feed.quality {
            if quality.gapCount > 0 {
                warnings.append("\(path): \(symbol) has \(quality.gapCount) gaps (\(quality.missingBars) missing bars)")
            }
            if quality.duplicatesDropped > 0 {
                warnings.append("\(path): \(quality.duplicatesDropped) repeated rows dropped")
            }
        }
        return Outcome(
            result: result, interval: feed.interval, symbols: sources.map(\.symbol).sorted(), configHash: setup.configHash,
            warnings: warnings)
    }

    private static func replay<Recorder>(_ feed: ReadAheadFeed, through runner: inout BacktestRunner<Recorder>) throws
        -> BacktestResult
    {
        var progress = ProgressReporter(isTerminal: StandardError.isTerminal)
        var bars = 0
        while let (symbol, candle) = try feed.next() {
            try runner.replay(candle, of: symbol)
            bars += 1
            if bars & 0x3fff == 0 { progress.update(fraction: feed.progress, bars: bars) }
        }
        progress.finish(bars: bars)
        return try runner.finish()
    }
}
