/// The highest high and lowest low of the last `period` bars, including the current one (TA-Lib
/// `MAX` and `MIN`), kept in monotonic queues: amortized O(1) per bar, no allocation after init.
public struct RollingExtremes: Sendable {
    /// A monotonic queue of (bar index, value) in a fixed ring.
    private struct MonotonicQueue: Sendable {
        private var indices: [Int]
        private var values: [Double]
        private var head = 0
        private var count = 0
        private let keepsMaximum: Bool

        init(capacity: Int, keepsMaximum: Bool) {
            indices = [Int](repeating: 0, count: capacity)
            values = [Double](repeating: 0, count: capacity)
            self.keepsMaximum = keepsMaximum
        }

        mutating func push(_ value: Double, at index: Int, period: Int) -> Double {
            while count > 0, indices[head] <= index - period {
                head = (head + 1) % indices.count
                count -= 1
            }
            while count > 0 {
                let last = (head + count - 1) % indices.count
                let dominated = keepsMaximum ? values[last] <= value : values[last] >= value
                guard dominated else { break }
                count -= 1
            }
            let tail = (head + count) % indices.count
            indices[tail] = index
            values[tail] = value
            count += 1
            return values[head]
        }
    }

    /// The period.
    public let period: Int
    private var highs: MonotonicQueue
    private var lows: MonotonicQueue
    private var index = -1

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
    public mutating func update(high: Double, low: Double) -> (highest: Double, lowest: Double)? {
        index += 1
        let highest = highs.push(high, at: index, period: period)
        let lowest = lows.push(low, at: index, period: period)
        return index >= period - 1 ? (highest, lowest) : nil
    }
}
