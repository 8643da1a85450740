import Logging
import TradingEngine
import TraderCore

/// One backtest: opens the data, builds the engine and the exchange, replays every bar (the files
/// parsed ahead on a second core), reports progress, and writes the artifacts when asked. What
/// `trader-backtest run` runs, and what any other shell can run the same way.
public struct BacktestJob: Sendable {
    /// What a run gives its summary.
    public struct Outcome: Sendable {
        /// The counts, the metrics and the invariants checked.
        public let result: BacktestResult
        /// The interval of the bars replayed.
        public let interval: BarInterval
        /// The symbols replayed, sorted.
        public let symbols: [Symbol]
        /// The configuration's hash.
        public let configHash: String
        /// What the data and the settings warn of (gaps, repeated rows, a TTL shorter than the latency).
        public let warnings: [String]
    }

    /// Progress while the bars replay: the share of the files read (0 to 1) and the bars replayed.
    public typealias Progress = (_ fraction: Double, _ bars: Int) -> Void

    /// What the run is built from.
    public let setup: BacktestSetup
    /// The candle files.
    public let sources: [HistoricalFeed.Source]
    /// The starting cash, in the quote currency of the first source.
    public let cash: FixedPoint
    /// The first bar open time replayed.
    public let from: Timestamp?
    /// The bar open time replay stops before.
    public let to: Timestamp?
    /// The interval to resample to, if any.
    public let interval: BarInterval?
    /// The artifact folder, if any.
    public let out: String?
    /// The faults the exchange injects.
    public let faults: ExchangeFaults
    /// Where the job reports its start, its end and its warnings; silent unless the caller gives one.
    public let logger: Logger

    /// Creates a job.
    public init(
        setup: BacktestSetup, sources: [HistoricalFeed.Source], cash: FixedPoint, from: Timestamp? = nil, to: Timestamp? = nil,
        interval: BarInterval? = nil, out: String? = nil, faults: ExchangeFaults = ExchangeFaults(),
        logger: Logger = Logger(label: "trader.backtest", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.logger = logger
        self.setup = setup
        self.sources = sources
        self.cash = cash
        self.from = from
        self.to = to
        self.interval = interval
        self.out = out
        self.faults = faults
    }

    /// Runs it, calling `progress` every 16,384 bars.
    ///
    /// - Throws: ``DataError``, ``ArtifactError``, ``ArithmeticError`` (amounts past the exact
    ///   range), and the engine's errors (a broken invariant).
    public func run(progress: Progress = { _, _ in }) throws -> Outcome {
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
            result = try Self.replay(feed, through: &runner, progress: progress)
            try writer.finish(result)
        } else {
            var runner = BacktestRunner(
                engine: engine, exchange: exchange, interval: feed.interval, recorder: DiscardingRecorder(), tiers: setup.tiers)
            result = try Self.replay(feed, through: &runner, progress: progress)
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
        for warning in warnings { logger.warning("\(warning)") }
        logger.info(
            "backtest replayed",
            metadata: [
                "bars": "\(result.bars)", "orders": "\(result.orders)", "round_trips": "\(result.roundTrips)",
                "final_equity": "\(result.finalEquity)", "config_hash": "\(setup.configHash)",
            ])
        return Outcome(
            result: result, interval: feed.interval, symbols: sources.map(\.symbol).sorted(), configHash: setup.configHash,
            warnings: warnings)
    }

    private static func replay<Recorder>(
        _ feed: ReadAheadFeed, through runner: inout BacktestRunner<Recorder>, progress: Progress
    ) throws -> BacktestResult {
        var bars = 0
        while let (symbol, candle) = try feed.next() {
            try runner.replay(candle, of: symbol)
            bars += 1
            if bars & 0x3fff == 0 { progress(feed.progress, bars) }
        }
        return try runner.finish()
    }
}
