import TraderCore

/// Several symbols' candle files replayed as one stream in time order, for
/// ``BacktestRunner/replay(_:of:)``: each file streams through its own ``CandleCSVReader`` (nothing
/// is loaded whole), optionally resampled to a longer interval, and cut to `[from, to)` by bar open
/// time. Bars of the same time come in symbol order.
public final class HistoricalFeed {
    /// One symbol's file.
    public struct Source: Hashable, Sendable {
        /// The symbol its bars are replayed as.
        public let symbol: Symbol
        /// The CSV file.
        public let path: String

        /// Creates a source.
        public init(symbol: Symbol, path: String) {
            self.symbol = symbol
            self.path = path
        }
    }

    private final class Lane {
        let source: Source
        let reader: CandleCSVReader
        var resampler: CandleResampler?
        var head: Candle?
        var pending: [Candle] = []
        var exhausted = false

        init(source: Source, reader: CandleCSVReader) {
            self.source = source
            self.reader = reader
        }
    }

    /// The interval of the bars replayed.
    public let interval: BarInterval
    private let lanes: [Lane]
    private let from: Timestamp?
    private let to: Timestamp?

    /// Opens every source and works out the interval.
    ///
    /// - Parameters:
    ///   - resampleTo: the interval to replay at; `nil` keeps the files' own, which must then agree.
    ///   - from: the first bar open time replayed (inclusive).
    ///   - to: the bar open time replay stops before (exclusive).
    /// - Throws: ``DataError``: the readers' errors, `incompatible_interval` for files of different
    ///   intervals without resampling or an interval that cannot be resampled to `resampleTo`,
    ///   `duplicate_symbol` when two files claim one symbol.
    public init(sources: [Source], resampleTo: BarInterval? = nil, from: Timestamp? = nil, to: Timestamp? = nil) throws(DataError) {
        var lanes: [Lane] = []
        var intervals: [(path: String, interval: BarInterval)] = []
        for source in sources.sorted(by: { $0.symbol < $1.symbol }) {
            if let other = lanes.first(where: { $0.source.symbol == source.symbol }) {
                throw DataError(.duplicateSymbol, file: source.path, "\(source.symbol) already comes from \(other.source.path)")
            }
            let lane = Lane(source: source, reader: try CandleCSVReader(path: source.path))
            // The first two rows tell the file's interval.
            let first = try lane.reader.next()
            let second = try lane.reader.next()
            guard let first else {
                lanes.append(lane)
                lane.exhausted = true
                continue
            }
            let step = second.map { BarInterval(seconds: $0.time.secondsSinceEpoch - first.time.secondsSinceEpoch) }
            let fileInterval = lane.reader.quality.interval ?? step ?? resampleTo ?? .oneMinute
            intervals.append((source.path, fileInterval))
            if let resampleTo {
                try CandleResampler.check(source: fileInterval, target: resampleTo, file: source.path)
                lane.resampler = CandleResampler(target: resampleTo)
            }
            lane.pending = [first] + (second.map { [$0] } ?? [])
            lanes.append(lane)
        }
        if resampleTo == nil, let (path, interval) = intervals.first(where: { $0.interval != intervals[0].interval }) {
            throw DataError(
                .incompatibleInterval, file: path,
                "\(interval) bars do not match \(intervals[0].path)'s \(intervals[0].interval); resample them to one interval")
        }
        interval = resampleTo ?? intervals.first?.interval ?? .oneMinute
        self.lanes = lanes
        self.from = from
        self.to = to
        for lane in lanes { try advance(lane) }
    }

    /// The next bar in time order (then symbol order); `nil` when every file is done.
    ///
    /// - Throws: ``DataError`` from the file the bar would come from.
    public func next() throws(DataError) -> (symbol: Symbol, candle: Candle)? {
        var earliest: Lane?
        for lane in lanes {
            guard let head = lane.head else { continue }
            if earliest == nil || head.time < earliest!.head!.time { earliest = lane }
        }
        guard let lane = earliest, let candle = lane.head else { return nil }
        try advance(lane)
        return (lane.source.symbol, candle)
    }

    /// The share of the files' bytes read so far, 0 to 1.
    public var progress: Double {
        let total = lanes.reduce(0) { $0 + $1.reader.fileSize }
        return total > 0 ? Double(lanes.reduce(0) { $0 + $1.reader.bytesRead }) / Double(total) : 1
    }

    /// What each file held so far (rows, gaps, duplicates dropped), by symbol.
    public var quality: [(symbol: Symbol, path: String, quality: DataQuality)] {
        lanes.map { ($0.source.symbol, $0.source.path, $0.reader.quality) }
    }

    /// Moves `lane` to its next bar in `[from, to)`.
    private func advance(_ lane: Lane) throws(DataError) {
        lane.head = nil
        while let candle = try nextBar(of: lane) {
            if let from, candle.time < from { continue }
            if let to, candle.time >= to {
                lane.exhausted = true
                return
            }
            lane.head = candle
            return
        }
    }

    /// The lane's next bar after resampling, if any.
    private func nextBar(of lane: Lane) throws(DataError) -> Candle? {
        while !lane.exhausted {
            let raw: Candle?
            if !lane.pending.isEmpty {
                raw = lane.pending.removeFirst()
            } else {
                raw = try lane.reader.next()
            }
            guard let raw else {
                lane.exhausted = true
                return lane.resampler?.finish()
            }
            guard lane.resampler != nil else { return raw }
            if let bar = lane.resampler!.add(raw) { return bar }
        }
        return nil
    }
}
