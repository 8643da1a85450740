import Benchmark
import TraderCore

/// Target (issue 3): multiply + round-to-increment under 20 ns.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .instructions, .mallocCountTotal], maxDuration: .seconds(2))

    let prices = (0..<1024).map { FixedPoint(raw: 6_543_210_000_000 + Int64($0) * 1_234_567) }
    let sizes = (0..<1024).map { FixedPoint(raw: 12_345 + Int64($0) * 977) }
    let increment = FixedPoint("0.01")!

    Benchmark("FixedPoint multiply + round to increment", configuration: .init(scalingFactor: .mega)) { benchmark in
        var checksum: Int64 = 0
        for iteration in benchmark.scaledIterations {
            let index = iteration & 1023
            let notional = try prices[index].multiplied(by: sizes[index], rounding: .toNearestOrEven)
            checksum &+= try notional.rounded(toIncrement: increment, .down).raw
        }
        blackHole(checksum)
    }

    Benchmark("Baseline: raw Int64 multiply-add", configuration: .init(scalingFactor: .mega)) { benchmark in
        var checksum: Int64 = 0
        for iteration in benchmark.scaledIterations {
            let index = iteration & 1023
            checksum &+= prices[index].raw &* sizes[index].raw
        }
        blackHole(checksum)
    }

    Benchmark("FixedPoint multiply only", configuration: .init(scalingFactor: .mega)) { benchmark in
        var checksum: Int64 = 0
        for iteration in benchmark.scaledIterations {
            let index = iteration & 1023
            checksum &+= try prices[index].multiplied(by: sizes[index], rounding: .toNearestOrEven).raw
        }
        blackHole(checksum)
    }

    Benchmark("FixedPoint round to increment only", configuration: .init(scalingFactor: .mega)) { benchmark in
        var checksum: Int64 = 0
        for iteration in benchmark.scaledIterations {
            checksum &+= try prices[iteration & 1023].rounded(toIncrement: increment, .down).raw
        }
        blackHole(checksum)
    }

    Benchmark("FixedPoint parse venue string", configuration: .init(scalingFactor: .kilo)) { benchmark in
        let strings = prices.map(\.description)
        for iteration in benchmark.scaledIterations {
            blackHole(FixedPoint(strings[iteration & 1023]))
        }
    }
}
