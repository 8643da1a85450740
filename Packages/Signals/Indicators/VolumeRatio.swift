/// The latest volume divided by the average of the `period` volumes before it (excluding itself,
/// so a spike does not dilute its own baseline). No TA-Lib equivalent.
public struct VolumeRatio: Sendable {
    @usableFromInline var baseline: SimpleMovingAverage
    @usableFromInline var average: Double?

    /// A ratio against the previous `period` volumes.
    public init(period: Int) {
        baseline = SimpleMovingAverage(period: period)
    }

    /// Adds a volume; its ratio to the previous average once `period` volumes came before it.
    @inlinable @inline(__always)
    public mutating func update(_ volume: Double) -> Double? {
        // Not in a `defer`: the compiler keeps a deferred body out of line, a call on every bar.
        let ratio: Double? = if let average, average > 0 { volume / average } else { nil }
        average = baseline.update(volume)
        return ratio
    }
}
