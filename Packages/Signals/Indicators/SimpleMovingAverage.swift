/// The mean of the last `period` values (TA-Lib `SMA`): the first value after `period` inputs.
public struct SimpleMovingAverage: Sendable {
    @usableFromInline var window: RingBuffer
    @usableFromInline var sum = 0.0

    /// An average over `period` values.
    public init(period: Int) {
        window = RingBuffer(capacity: period)
    }

    /// The period.
    public var period: Int { window.capacity }

    /// Adds a value; the average once `period` values have been seen.
    @inlinable @inline(__always)
    public mutating func update(_ value: Double) -> Double? {
        sum += value
        if let evicted = window.push(value) { sum -= evicted }
        return window.isFull ? sum / Double(window.capacity) : nil
    }
}
