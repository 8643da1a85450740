import Dispatch
import Foundation
import Synchronization
import TraderCore

/// A ``HistoricalFeed`` read ahead on a thread of its own, so that parsing the files and
/// replaying the bars run at once on two cores. Bars come out exactly as the feed gives them, in
/// the same order; a file's error comes out where the feed met it, after every bar before it.
public final class ReadAheadFeed {
    /// What the reader hands over: bars, then the end or the error that stopped it.
    private enum Batch {
        case bars([(symbol: Symbol, candle: Candle)])
        case end
        case failed(DataError)
    }

    /// The state both threads share.
    ///
    /// `@unchecked Sendable`, audited: the feed is used by the reader thread alone from the moment
    /// it starts until it has handed over its last batch (``finished`` is signalled after that, and
    /// ``ReadAheadFeed/feed`` waits for it); the queue and the progress are behind a mutex; the
    /// semaphores are thread-safe.
    private final class Shared: @unchecked Sendable {
        let feed: HistoricalFeed
        let batchSize: Int
        let queue = Mutex<(batches: [Batch], progress: Double, stopped: Bool)>(([], 0, false))
        /// Signalled once per batch queued.
        let filled = DispatchSemaphore(value: 0)
        /// Counts the batches the queue may still take.
        let free: DispatchSemaphore
        /// Signalled when the reader has stopped touching the feed.
        let finished = DispatchSemaphore(value: 0)

        init(feed: HistoricalFeed, batchSize: Int, depth: Int) {
            self.feed = feed
            self.batchSize = batchSize
            free = DispatchSemaphore(value: depth)
        }

        /// The reader thread's loop: batches until the feed ends, fails, or the consumer stops.
        func read() {
            defer { finished.signal() }
            while true {
                free.wait()
                if queue.withLock({ $0.stopped }) { return }
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
                let progress = feed.progress
                queue.withLock { state in
                    if !bars.isEmpty { state.batches.append(.bars(bars)) }
                    if let last { state.batches.append(last) }
                    state.progress = progress
                }
                if !bars.isEmpty { filled.signal() }
                if last != nil {
                    filled.signal()
                    return
                }
            }
        }
    }

    /// The interval of the bars.
    public let interval: BarInterval
    private let shared: Shared
    private var current: [(symbol: Symbol, candle: Candle)] = []
    private var index = 0
    private var done = false
    private var joined = false

    /// Starts reading `feed` ahead, `batchSize` bars at a time, at most `depth` batches ahead.
    public init(_ feed: sending HistoricalFeed, batchSize: Int = 8_192, depth: Int = 4) {
        interval = feed.interval
        shared = Shared(feed: feed, batchSize: batchSize, depth: depth)
        let shared = shared
        let thread = Thread { shared.read() }
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
        shared.filled.wait()
        let batch = shared.queue.withLock { $0.batches.removeFirst() }
        switch batch {
        case .bars(let bars):
            shared.free.signal()
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
    public var progress: Double { shared.queue.withLock { $0.progress } }

    /// The feed, for what it learned of the files (``HistoricalFeed/quality``), once the reader
    /// has stopped: waits for it, stopping it first if bars are still being read.
    public var feed: HistoricalFeed {
        stop()
        return shared.feed
    }

    private func stop() {
        guard !joined else { return }
        joined = true
        shared.queue.withLock { $0.stopped = true }
        shared.free.signal()  // a reader waiting for room wakes, sees the stop, and returns
        shared.finished.wait()
    }

    deinit { stop() }
}
