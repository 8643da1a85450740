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
    @inlinable
    public mutating func update(_ volume: Double) -> Double? {
        defer { average = baseline.update(volume) }
        guard let average, average > 0 else { return nil }
        return volume / average
    }
}
