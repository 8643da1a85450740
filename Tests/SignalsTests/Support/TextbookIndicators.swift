/// Independent, plainly written batch implementations of the indicators, straight from their
/// textbook definitions (and TA-Lib's seeding conventions), to check the streaming ones against.
/// They recompute each window from scratch: slow, and obviously right.
enum Textbook {
    static func sma(_ x: [Double], _ n: Int) -> [Double?] {
        x.indices.map { i in i < n - 1 ? nil : x[(i - n + 1)...i].reduce(0, +) / Double(n) }
    }

    static func ema(_ x: [Double], _ n: Int, skipping skip: Int = 0) -> [Double?] {
        var out = [Double?](repeating: nil, count: x.count)
        let seedEnd = skip + n - 1
        guard seedEnd < x.count else { return out }
        var value = x[skip...seedEnd].reduce(0, +) / Double(n)
        out[seedEnd] = value
        let alpha = 2.0 / Double(n + 1)
        for i in (seedEnd + 1)..<x.count {
            value = value + alpha * (x[i] - value)
            out[i] = value
        }
        return out
    }

    static func rsi(_ x: [Double], _ n: Int) -> [Double?] {
        var out = [Double?](repeating: nil, count: x.count)
        let gains = (1..<x.count).map { max(x[$0] - x[$0 - 1], 0) }
        let losses = (1..<x.count).map { max(x[$0 - 1] - x[$0], 0) }
        var averageGain = gains[0..<n].reduce(0) { $0 + $1 / Double(n) }
        var averageLoss = losses[0..<n].reduce(0) { $0 + $1 / Double(n) }
        out[n] = 100 * averageGain / (averageGain + averageLoss)
        for i in (n + 1)..<x.count {
            averageGain = (averageGain * Double(n - 1) + gains[i - 1]) / Double(n)
            averageLoss = (averageLoss * Double(n - 1) + losses[i - 1]) / Double(n)
            out[i] = 100 * averageGain / (averageGain + averageLoss)
        }
        return out
    }

    static func atr(high: [Double], low: [Double], close: [Double], _ n: Int) -> [Double?] {
        var out = [Double?](repeating: nil, count: close.count)
        let trueRanges = (1..<close.count).map { (i: Int) -> Double in
            let range = high[i] - low[i]
            let gapUp = abs(high[i] - close[i - 1])
            let gapDown = abs(low[i] - close[i - 1])
            return max(range, gapUp, gapDown)
        }
        var value = trueRanges[0..<n].reduce(0, +) / Double(n)
        out[n] = value
        for i in (n + 1)..<close.count {
            value = (value * Double(n - 1) + trueRanges[i - 1]) / Double(n)
            out[i] = value
        }
        return out
    }

    static func populationDeviation(_ x: [Double], _ n: Int) -> [Double?] {
        x.indices.map { i in
            guard i >= n - 1 else { return nil }
            let window = x[(i - n + 1)...i]
            let mean = window.reduce(0, +) / Double(n)
            return (window.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)).squareRoot()
        }
    }

    static func highest(_ x: [Double], _ n: Int) -> [Double?] {
        x.indices.map { i in i < n - 1 ? nil : x[(i - n + 1)...i].max()! }
    }

    static func lowest(_ x: [Double], _ n: Int) -> [Double?] {
        x.indices.map { i in i < n - 1 ? nil : x[(i - n + 1)...i].min()! }
    }
}
