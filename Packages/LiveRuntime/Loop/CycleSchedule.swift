import TraderCore

/// When a live node's cycles run: just after each bar closes (on the bar's boundary, a whole
/// multiple of its length since the epoch), late by a seeded random jitter of up to `jitterPct` %
/// of the bar, so that many nodes do not all call the venue at the same instant, and a replay of
/// the same seed waits the same.
public struct CycleSchedule: Sendable {
    /// The bar's length.
    public let interval: Duration
    /// The most a cycle is delayed past its boundary, in % of the bar.
    public let jitterPct: Double
    private var generator: SeededGenerator

    /// A schedule of `interval` bars, jittered by up to `jitterPct` % (0 to 50) from `seed`.
    public init(interval: Duration, jitterPct: Double, seed: UInt64) {
        self.interval = interval
        self.jitterPct = min(50, max(0, jitterPct))
        generator = SeededGenerator(seed: seed)
    }

    /// The first boundary strictly after `time`.
    public func boundary(after time: Timestamp) -> Timestamp {
        let length = interval.nanoseconds
        let now = time.nanosecondsSinceEpoch
        return Timestamp(nanosecondsSinceEpoch: (now / length + 1) * length)
    }

    /// When the next cycle runs after `time`: the next boundary plus this cycle's jitter.
    public mutating func next(after time: Timestamp) -> (boundary: Timestamp, start: Timestamp) {
        let boundary = boundary(after: time)
        let most = Int64(Double(interval.nanoseconds) * jitterPct / 100)
        let jitter = most > 0 ? Int64(generator.next() % UInt64(most)) : 0
        return (boundary, boundary.advanced(by: .nanoseconds(jitter)))
    }
}
