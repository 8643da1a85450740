import Foundation
import Synchronization
import TraderCore

/// A ``HistoricalFeed`` read ahead on a thread of its own, so that parsing the files and
/// replaying the bars run at once on two cores. Bars come out exactly as the feed gives them, in
/// the same order; a file's error comes out where the feed met it, after every bar before it.
public final class ReadAheadFeed {
    /// What the reader hands over: bars, then the end or the error that stopped it.
    private enum Batch: Sendable {
        case bars([(symbol: Symbol, candle: Candle)])
        case end
        case failed(DataError)
    }

    /// The feed, as the reader thread uses it.
    ///
    /// `@unchecked Sendable`, audited: the reader thread alone uses the feed, from its start until
    /// it has handed over its last batch; ``ReadAheadFeed/feed`` gives it back only after taking
    /// that batch.
    private final class Reader: @unchecked Sendable {
        let feed: HistoricalFeed
        let batches: HandOff<Batch>
        let batchSize: Int
        let stopped = Atomic<Bool>(false)
        let progress = Mutex<Double>(0)

        init(feed: HistoricalFeed, batchSize: Int, depth: Int) {
            self.feed = feed
            self.batchSize = batchSize
            batches = HandOff(capacity: depth)
        }

        /// The reader thread's loop: batches until the feed ends or fails, or the consumer stops.
        func run() {
            while !stopped.load(ordering: .relaxed) {
                var bars: [(symbol: Symbol, candle: Candle)] = []
                bars.reserveCapacity(batchSize)
                var last: Batch?
                do {
                    while bars.count < batchSize {
                        guard let bar = try feed.next() else {
                            last = .end
                            break
                        }
                        bars.append(bar)
                    }
                } catch {
                    last = .failed(error)
                }
                let read = feed.progress
                progress.withLock { $0 = read }
                if !bars.isEmpty { batches.put(.bars(bars)) }
                if let last {
                    batches.put(last)
                    return
                }
            }
            batches.put(.end)
        }
    }

    /// The interval of the bars.
    public let interval: BarInterval
    private let reader: Reader
    private var current: [(symbol: Symbol, candle: Candle)] = []
    private var index = 0
    private var done = false

    /// Starts reading `feed` ahead, `batchSize` bars at a time, at most `depth` batches ahead.
    public init(_ feed: sending HistoricalFeed, batchSize: Int = 8_192, depth: Int = 4) {
        interval = feed.interval
        reader = Reader(feed: feed, batchSize: batchSize, depth: depth)
        let reader = reader
        let thread = Thread { reader.run() }
        thread.name = "trader.read-ahead"
        thread.start()
    }

    /// The next bar, as ``HistoricalFeed/next()`` gives it.
    ///
    /// - Throws: the ``DataError`` the feed threw, after every bar before it.
    public func next() throws(DataError) -> (symbol: Symbol, candle: Candle)? {
        if index < current.count {
            defer { index += 1 }
            return current[index]
        }
        guard !done else { return nil }
        switch reader.batches.take() {
        case .bars(let bars):
            current = bars
            index = 1
            return bars[0]
        case .end:
            done = true
            return nil
        case .failed(let error):
            done = true
            throw error
        }
    }

    /// The share of the files' bytes read so far (ahead of the bars handed out), 0 to 1.
    public var progress: Double { reader.progress.withLock { $0 } }

    /// The feed, for what it learned of the files (``HistoricalFeed/quality``), once the reader
    /// has stopped: stops it if bars are still being read, and waits for it.
    public var feed: HistoricalFeed {
        stop()
        return reader.feed
    }

    /// Stops the reader and takes what it still hands over, up to its last batch.
    private func stop() {
        reader.stopped.store(true, ordering: .relaxed)
        while !done {
            switch reader.batches.take() {
            case .bars: continue
            case .end, .failed: done = true
            }
        }
        current = []
    }

    deinit { stop() }
}
