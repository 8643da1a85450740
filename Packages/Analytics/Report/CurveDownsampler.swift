/// Thins a long curve for drawing without losing its shape: the points are cut into at most
/// `buckets` runs of consecutive points, and each run keeps its first, lowest, highest and last
/// point (in time order, each once). Every extreme of the curve survives, so a drawdown's trough or
/// a peak is never drawn shallower than it was; a curve of at most `4 × buckets` points is kept whole.
enum CurveDownsampler {
    /// The indices of `values` to keep, ascending.
    static func keptIndices(of values: [Double], buckets: Int) -> [Int] {
        guard values.count > 4 * buckets, buckets > 0 else { return Array(values.indices) }
        var kept: [Int] = []
        kept.reserveCapacity(4 * buckets)
        for bucket in 0..<buckets {
            let start = bucket * values.count / buckets
            let end = (bucket + 1) * values.count / buckets
            guard start < end else { continue }
            var low = start
            var high = start
            for index in start..<end {
                if values[index] < values[low] { low = index }
                if values[index] > values[high] { high = index }
            }
            for index in [start, min(low, high), max(low, high), end - 1] where kept.last.map({ index > $0 }) ?? true {
                kept.append(index)
            }
        }
        return kept
    }
}
