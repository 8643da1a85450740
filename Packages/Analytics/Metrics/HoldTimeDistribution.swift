/// How long round trips were held, in seconds: nearest-rank percentiles of the sorted hold times.
public struct HoldTimeDistribution: Hashable, Sendable, Encodable {
    /// The shortest hold.
    public let min: Int64
    /// The median (nearest rank, 50th percentile).
    public let median: Int64
    /// The 90th percentile (nearest rank).
    public let p90: Int64
    /// The longest hold.
    public let max: Int64
    /// The mean, rounded down to a whole second.
    public let mean: Int64

    /// The distribution of `seconds`; `nil` when empty.
    public init?(seconds: [Int64]) {
        guard !seconds.isEmpty else { return nil }
        let sorted = seconds.sorted()
        func rank(_ p: Int) -> Int64 { sorted[Swift.max(0, (p * sorted.count + 99) / 100 - 1)] }
        min = sorted[0]
        median = rank(50)
        p90 = rank(90)
        max = sorted[sorted.count - 1]
        mean = sorted.reduce(0, +) / Int64(sorted.count)
    }
}
