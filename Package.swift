// swift-tools-version: 6.1
// The Trader toolkit: independent library targets under Packages/, thin executables under
// Executables/, Swift Testing suites under Tests/. The layer map is ../shared/DESIGN.md §2.
import PackageDescription

let package = Package(
    name: "Trader",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "TraderCore", targets: ["TraderCore"]),
        .library(name: "YAMLConfig", targets: ["YAMLConfig"]),
        .library(name: "CurlHTTP", targets: ["CurlHTTP"]),
        .library(name: "CoinbaseAdapter", targets: ["CoinbaseAdapter"]),
        .library(name: "IBKRAdapter", targets: ["IBKRAdapter"]),
        .library(name: "CostModel", targets: ["CostModel"]),
        .library(name: "Signals", targets: ["Signals"]),
        .library(name: "RiskKit", targets: ["RiskKit"]),
        .library(name: "Persistence", targets: ["Persistence"]),
        .library(name: "Analytics", targets: ["Analytics"]),
        .library(name: "TraderConfig", targets: ["TraderConfig"]),
        .library(name: "TradingEngine", targets: ["TradingEngine"]),
        .library(name: "Backtest", targets: ["Backtest"]),
        .library(name: "LiveRuntime", targets: ["LiveRuntime"]),
        .library(name: "CoinbaseSimulator", targets: ["CoinbaseSimulator"]),
        .library(name: "IBKRSimulator", targets: ["IBKRSimulator"]),
        .executable(name: "config-lint", targets: ["config-lint"]),
        .executable(name: "trader-backtest", targets: ["trader-backtest"]),
        .executable(name: "trader-report", targets: ["trader-report"]),
        .executable(name: "exchange-sim", targets: ["exchange-sim"]),
        .executable(name: "trader-live", targets: ["trader-live"]),
        .executable(name: "trader-reconcile", targets: ["trader-reconcile"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    ],
    targets: [
        // System libraries
        .systemLibrary(
            name: "CYAML",
            path: "SystemLibraries/CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),

        .systemLibrary(
            name: "CCurl",
            path: "SystemLibraries/CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),

        // Vocabulary
        .target(name: "TraderCore", path: "Packages/TraderCore"),
        .target(name: "YAMLConfig", dependencies: ["CYAML"], path: "Packages/YAMLConfig"),
        .target(
            name: "CurlHTTP", dependencies: ["CCurl", .product(name: "Logging", package: "swift-log")], path: "Packages/CurlHTTP"),

        // Domain
        .target(name: "CostModel", dependencies: ["TraderCore"], path: "Packages/CostModel"),
        .target(name: "Signals", dependencies: ["TraderCore"], path: "Packages/Signals"),
        .target(
            name: "RiskKit",
            dependencies: ["TraderCore", "CostModel", .product(name: "DequeModule", package: "swift-collections")],
            path: "Packages/RiskKit"
        ),

        .target(
            name: "Persistence",
            dependencies: [
                "TraderCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Packages/Persistence"
        ),

        .target(name: "Analytics", dependencies: ["TraderCore", "CostModel"], path: "Packages/Analytics"),

        // Engine
        .target(
            name: "TraderConfig",
            dependencies: [
                "TraderCore", "YAMLConfig", "Signals", "RiskKit", "CostModel", "TradingEngine",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Packages/TraderConfig"
        ),

        .target(
            name: "TradingEngine", dependencies: ["TraderCore", "Signals", "RiskKit", "CostModel"], path: "Packages/TradingEngine"),
        .target(
            name: "LiveRuntime",
            dependencies: [
                "TraderCore", "TradingEngine", "Persistence", "Analytics", "TraderConfig", "CurlHTTP", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            path: "Packages/LiveRuntime"),
        .target(
            name: "Backtest",
            dependencies: [
                "TraderCore", "TradingEngine", "Signals", "RiskKit", "CostModel", "Analytics",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Packages/Backtest"),
        // Venues
        .target(
            name: "CoinbaseAdapter",
            dependencies: [
                "TraderCore", "CurlHTTP", .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Packages/CoinbaseAdapter"),
        .target(
            name: "IBKRAdapter",
            dependencies: [
                "TraderCore", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Packages/IBKRAdapter"),
        .target(
            name: "CoinbaseSimulator",
            dependencies: [
                "TraderCore", "Backtest", "CostModel", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Packages/CoinbaseSimulator"),
        .target(
            name: "IBKRSimulator",
            dependencies: [
                "TraderCore", "Backtest", "CostModel", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Packages/IBKRSimulator"),
        // Test support: shared data, fixtures and builders for every test target.
        .target(
            name: "TraderTestKit", dependencies: ["TraderCore", "CurlHTTP", .product(name: "Logging", package: "swift-log")],
            path: "Packages/TraderTestKit"),

        // Executables
        .executableTarget(
            name: "config-lint",
            dependencies: [
                "TraderConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Executables/config-lint"
        ),

        .executableTarget(
            name: "trader-backtest",
            dependencies: [
                "Backtest", "Analytics", "TradingEngine", "TraderConfig", "TraderCore", "CostModel", "RiskKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Executables/trader-backtest"
        ),

        .executableTarget(
            name: "trader-report",
            dependencies: [
                "Analytics", "Backtest", "LiveRuntime", "TraderConfig", "TraderCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Executables/trader-report"
        ),

        .executableTarget(
            name: "trader-live",
            dependencies: [
                "LiveRuntime", "Backtest", "CoinbaseAdapter", "IBKRAdapter", "CostModel", "CurlHTTP", "Persistence", "TraderConfig", "TraderCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Executables/trader-live"
        ),

        .executableTarget(
            name: "trader-reconcile",
            dependencies: [
                "LiveRuntime", "CoinbaseAdapter", "IBKRAdapter", "Persistence", "TradingEngine", "TraderConfig", "TraderCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Executables/trader-reconcile"
        ),

        .executableTarget(
            name: "exchange-sim",
            dependencies: [
                "CoinbaseSimulator", "IBKRSimulator", "Backtest", "TraderCore", "CostModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Executables/exchange-sim"
        ),

        // Tests
        .executableTarget(
            name: "persistence-crash-writer", dependencies: ["Persistence", "TraderCore"], path: "Tests/PersistenceCrashWriter"),
        .testTarget(
            name: "PersistenceTests", dependencies: ["Persistence", "TraderCore", "TraderTestKit", "persistence-crash-writer"],
            path: "Tests/PersistenceTests"),
        .testTarget(name: "TraderCoreTests", dependencies: ["TraderCore", "TraderTestKit"], path: "Tests/TraderCoreTests"),
        .testTarget(name: "YAMLConfigTests", dependencies: ["YAMLConfig"], path: "Tests/YAMLConfigTests"),
        .testTarget(name: "CurlHTTPTests", dependencies: ["CurlHTTP", "TraderTestKit"], path: "Tests/CurlHTTPTests"),
        .testTarget(
            name: "CoinbaseAdapterTests",
            dependencies: ["CoinbaseAdapter", "TraderCore", "TraderTestKit", .product(name: "Crypto", package: "swift-crypto")],
            path: "Tests/CoinbaseAdapterTests"),
        .testTarget(
            name: "CoinbaseSimulatorTests",
            dependencies: [
                "CoinbaseSimulator", "CoinbaseAdapter", "CurlHTTP", "TraderCore", "TraderTestKit", "exchange-sim", "Backtest", "RiskKit",
                "TradingEngine",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/CoinbaseSimulatorTests"),
        .testTarget(
            name: "IBKRAdapterTests", dependencies: ["IBKRAdapter", "TraderCore", .product(name: "NIOCore", package: "swift-nio")],
            path: "Tests/IBKRAdapterTests"),
        .testTarget(
            name: "IBKRSimulatorTests",
            dependencies: [
                "IBKRSimulator", "IBKRAdapter", "Backtest", "TraderCore", "TraderTestKit", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Tests/IBKRSimulatorTests"),
        .testTarget(
            name: "SignalsTests", dependencies: ["Signals", "TraderCore", "TraderTestKit"], path: "Tests/SignalsTests"),
        .testTarget(
            name: "RiskKitTests", dependencies: ["RiskKit", "CostModel", "TraderCore", "TraderTestKit"],
            path: "Tests/RiskKitTests"),
        .testTarget(
            name: "BacktestTests", dependencies: ["Backtest", "Analytics", "CostModel", "RiskKit", "TradingEngine", "TraderCore", "TraderTestKit"], path: "Tests/BacktestTests"),
        .testTarget(
            name: "LiveRuntimeTests",
            dependencies: ["LiveRuntime", "Analytics", "Backtest", "CurlHTTP", "Persistence", "TradingEngine", "TraderConfig", "TraderCore", "TraderTestKit"],
            path: "Tests/LiveRuntimeTests"),
        .testTarget(
            name: "TraderLiveTests",
            dependencies: [
                "trader-live", "trader-reconcile", "trader-report", "trader-backtest", "exchange-sim", "config-lint", "CoinbaseAdapter",
                "Persistence", "RiskKit", "TraderCore", "TraderTestKit", .product(name: "GRDB", package: "GRDB.swift"),
            ], path: "Tests/TraderLiveTests"),
        .testTarget(
            name: "TradingEngineTests", dependencies: ["TradingEngine", "Backtest", "Persistence", "TraderCore", "TraderTestKit"],
            path: "Tests/TradingEngineTests"),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "CostModel", "TraderCore"], path: "Tests/AnalyticsTests"),
        .testTarget(
            name: "TraderBacktestTests", dependencies: ["trader-backtest", "trader-report", "TraderTestKit"], path: "Tests/TraderBacktestTests"),
        .testTarget(name: "CostModelTests", dependencies: ["CostModel", "TraderCore"], path: "Tests/CostModelTests"),
        .testTarget(
            name: "TraderConfigTests",
            dependencies: ["TraderConfig", "TraderCore", "YAMLConfig", "Signals", "RiskKit", "TradingEngine", "config-lint"],
            path: "Tests/TraderConfigTests",
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
