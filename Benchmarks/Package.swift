// swift-tools-version: 6.1
// Release-build benchmarks of the Trader package (ordo-one/benchmark). Run from this folder:
//   swift package --allow-writing-to-package-directory benchmark
// Kept out of the main package so its dependencies never reach library users.
import PackageDescription

/// One benchmark executable over some of the main package's libraries.
func benchmarkTarget(_ name: String, _ libraries: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: libraries.map { .product(name: $0, package: "main") } + [.product(name: "Benchmark", package: "benchmark")],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "TraderBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmarkTarget("SignalsBenchmarks", ["Signals"]),
        benchmarkTarget("FixedPointBenchmarks", ["TraderCore"]),
        benchmarkTarget("PersistenceBenchmarks", ["Persistence", "TraderCore"]),
        benchmarkTarget("RiskBenchmarks", ["RiskKit", "CostModel", "TraderCore"]),
        // A plain timed run (one pass of a million bars is too long for per-iteration sampling).
        .executableTarget(
            name: "BacktestThroughput",
            dependencies: ["Backtest", "TradingEngine", "TraderCore"].map { .product(name: $0, package: "main") },
            path: "Benchmarks/BacktestThroughput"),
        // Authenticated REST calls a second against exchange-sim (scripts/bench-coinbase).
        .executableTarget(
            name: "CoinbaseCalls",
            dependencies: ["CoinbaseAdapter", "CurlHTTP", "TraderCore"].map { .product(name: $0, package: "main") },
            path: "Benchmarks/CoinbaseCalls"),
        // IBKRAdapter against the simulator on loopback: place round trips, message decoding (issue 22's figures).
        .executableTarget(
            name: "IBKRRoundTrip",
            dependencies: ["Backtest", "IBKRAdapter", "IBKRSimulator", "TraderCore"].map { .product(name: $0, package: "main") },
            path: "Benchmarks/IBKRRoundTrip"),
        // The engine's step plus the cycle's store commit, 100 symbols (issue 21's figure).
        .executableTarget(
            name: "CycleCommit",
            dependencies: ["Backtest", "Persistence", "TradingEngine", "TraderCore"].map { .product(name: $0, package: "main") },
            path: "Benchmarks/CycleCommit"),
    ],
    swiftLanguageModes: [.v6]
)
