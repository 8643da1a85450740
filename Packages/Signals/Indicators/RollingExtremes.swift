/// The highest high and lowest low of the last `period` bars, including the current one (TA-Lib
/// `MAX` and `MIN`), kept in monotonic queues: amortized O(1) per bar, no allocation after init.
public struct RollingExtremes: Sendable {
    /// A monotonic queue of (bar index, value) in a fixed ring.
    @usableFromInline
    struct MonotonicQueue: Sendable {
        @usableFromInline var indices: [Int]
        @usableFromInline var values: [Double]
        @usableFromInline var head = 0
        @usableFromInline var count = 0
        @usableFromInline let keepsMaximum: Bool

        @usableFromInline
        init(capacity: Int, keepsMaximum: Bool) {
            indices = [Int](repeating: 0, count: capacity)
            values = [Double](repeating: 0, count: capacity)
            self.keepsMaximum = keepsMaximum
        }

        @inlinable
        mutating func push(_ value: Double, at index: Int, period: Int) -> Double {
            while count > 0, indices[head] <= index - period {
                head = wrapped(head + 1)
                count -= 1
            }
            while count > 0 {
                let last = wrapped(head + count - 1)
                let dominated = keepsMaximum ? values[last] <= value : values[last] >= value
                guard dominated else { break }
                count -= 1
            }
            let tail = wrapped(head + count)
            indices[tail] = index
            values[tail] = value
            count += 1
            return values[head]
        }

        @inlinable
        func wrapped(_ position: Int) -> Int {
            position >= indices.count ? position - indices.count : position
        }
    }

    /// The period.
    public let period: Int
    @usableFromInline var highs: MonotonicQueue
    @usableFromInline var lows: MonotonicQueue
    @usableFromInline var index = -1

    /// Extremes over `period` bars.
    ///
    /// - Precondition: `period` is positive.
    public init(period: Int) {
        precondition(period > 0, "period must be positive")
        self.period = period
        highs = MonotonicQueue(capacity: period, keepsMaximum: true)
        lows = MonotonicQueue(capacity: period, keepsMaximum: false)
    }

    /// Adds a bar; the extremes once `period` bars have been seen.
    @inlinable
    public mutating func update(high: Double, low: Double) -> (highest: Double, lowest: Double)? {
        index += 1
        let highest = highs.push(high, at: index, period: period)
        let lowest = lows.push(low, at: index, period: period)
        return index >= period - 1 ? (highest, lowest) : nil
    }
}
