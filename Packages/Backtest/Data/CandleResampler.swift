import TraderCore

/// Aggregates candles into a longer interval, streaming: a bar of the target interval opens with
/// its first source bar's open, closes with its last one's close, spans their highs and lows and
/// sums their volumes. Bars are aligned to the epoch (see ``BarInterval``). A target bar is emitted
/// when a source bar of the next one arrives, and the last one by ``finish()``, even when the
/// source ended (or had gaps) inside it: pandas' `resample` convention, and the honest one, since
/// the bar holds exactly what traded. A volume sum beyond the fixed-point range saturates at its
/// maximum.
public struct CandleResampler: Sendable {
    /// The interval produced.
    public let target: BarInterval
    private var pending: Candle?

    /// A resampler to `target`.
    public init(target: BarInterval) {
        self.target = target
    }

    /// Checks that bars of `source` fit whole into bars of `target`.
    ///
    /// - Throws: ``DataError`` `incompatible_interval` otherwise.
    public static func check(source: BarInterval, target: BarInterval, file: String) throws(DataError) {
        guard target.seconds >= source.seconds, target.seconds % source.seconds == 0 else {
            throw DataError(
                .incompatibleInterval, file: file, "\(source) bars cannot be resampled to \(target): \(target) is not a multiple of \(source)")
        }
    }

    /// Takes the next source candle; returns the target bar it completed, if any.
    public mutating func add(_ candle: Candle) -> Candle? {
        let bucket = target.bucket(of: candle.time)
        guard let current = pending else {
            pending = Self.opening(candle, at: bucket)
            return nil
        }
        guard current.time == bucket else {
            pending = Self.opening(candle, at: bucket)
            return current
        }
        pending = Candle(
            time: current.time, open: current.open, high: Swift.max(current.high, candle.high), low: Swift.min(current.low, candle.low),
            close: candle.close, volume: Quantity((try? current.volume.value.adding(candle.volume.value)) ?? .max))
        return nil
    }

    /// The last, possibly partial, bar.
    public mutating func finish() -> Candle? {
        defer { pending = nil }
        return pending
    }

    private static func opening(_ candle: Candle, at bucket: Timestamp) -> Candle {
        Candle(time: bucket, open: candle.open, high: candle.high, low: candle.low, close: candle.close, volume: candle.volume)
    }
}
