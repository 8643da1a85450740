import TraderCore

/// Joins shorter bars into bars of `seconds` (60-minute bars from one-minute bars), aligned to
/// multiples of `seconds` since the epoch (the hour, for 3600; New York's hours too, its offsets
/// being whole hours), each starting at its first bar (so a session opening at 09:30 has a first
/// hourly bar from 09:30 to 10:00, as the venues' and Lean's hourly bars have). A joined bar is complete when a bar ends at its end (a bar's length is the
/// shortest spacing seen between bars), or, at a gap (a night, a halt), when the next bar starts in
/// a later period: the first way it is known on the bar that completes it, not one bar late.
public struct CandleResampler: Sendable {
    /// The joined bars' length.
    public let seconds: Int64
    private var open: Candle?
    private var openPeriod: Int64 = 0
    private var shortestSpacing: Int64?
    private var previousStart: Timestamp?

    /// A resampler to bars of `seconds`.
    ///
    /// - Precondition: `seconds > 0`.
    public init(seconds: Int64) {
        precondition(seconds > 0, "a resampled bar has a positive length")
        self.seconds = seconds
    }

    /// Takes the next bar; the joined bars it completes, oldest first (none, one, or two when it
    /// both closes a period at a gap and completes its own).
    public mutating func update(_ candle: Candle) -> [Candle] {
        let start = candle.time.nanosecondsSinceEpoch / 1_000_000_000
        if let previousStart {
            let spacing = start - previousStart.nanosecondsSinceEpoch / 1_000_000_000
            if spacing > 0 { shortestSpacing = Swift.min(shortestSpacing ?? spacing, spacing) }
        }
        previousStart = candle.time
        let period = Self.floor(start, seconds) * seconds
        var completed: [Candle] = []
        if let current = open, openPeriod != period {
            completed.append(current)
            open = nil
        }
        open = open.map { Self.join($0, candle) } ?? candle
        openPeriod = period
        if let spacing = shortestSpacing, start + spacing >= period + seconds, let bar = open {
            completed.append(bar)
            open = nil
        }
        return completed
    }

    private static func join(_ bar: Candle, _ next: Candle) -> Candle {
        Candle(
            time: bar.time, open: bar.open, high: Swift.max(bar.high, next.high), low: Swift.min(bar.low, next.low), close: next.close,
            volume: (try? bar.volume.adding(next.volume)) ?? bar.volume)
    }

    private static func floor(_ value: Int64, _ divisor: Int64) -> Int64 {
        value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor)
    }
}
