import TraderCore

/// The volume-weighted average of the typical price `(high + low + close) / 3` over the last
/// `period` bars. No TA-Lib equivalent.
public struct RollingVWAP: Sendable {
    @usableFromInline var weighted: RingBuffer
    @usableFromInline var volumes: RingBuffer
    @usableFromInline var weightedSum = 0.0
    @usableFromInline var volumeSum = 0.0

    /// A VWAP over `period` bars.
    public init(period: Int) {
        weighted = RingBuffer(capacity: period)
        volumes = RingBuffer(capacity: period)
    }

    /// Adds a bar; the VWAP once `period` bars have been seen and volume traded.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double) -> Double? {
        let typical = (high + low + close) / 3
        weightedSum += typical * volume
        volumeSum += volume
        if let evicted = weighted.push(typical * volume) { weightedSum -= evicted }
        if let evicted = volumes.push(volume) { volumeSum -= evicted }
        guard weighted.isFull, volumeSum > 0 else { return nil }
        return weightedSum / volumeSum
    }
}

/// The volume-weighted average of the typical price since the start of the bar's UTC day; it
/// resets when a bar opens on a new day.
public struct SessionVWAP: Sendable {
    @usableFromInline var day: Int64?
    @usableFromInline var weightedSum = 0.0
    @usableFromInline var volumeSum = 0.0

    /// A VWAP that resets at each UTC midnight.
    public init() {}

    /// Adds a bar opening at `time`; the session's VWAP so far, once volume has traded.
    @inlinable
    public mutating func update(high: Double, low: Double, close: Double, volume: Double, time: Timestamp) -> Double? {
        let bar = time.secondsSinceEpoch
        let barDay = bar >= 0 ? bar / 86_400 : (bar - 86_399) / 86_400
        if barDay != day {
            (day, weightedSum, volumeSum) = (barDay, 0, 0)
        }
        weightedSum += (high + low + close) / 3 * volume
        volumeSum += volume
        return volumeSum > 0 ? weightedSum / volumeSum : nil
    }
}
