import ArgumentParser
import Backtest
import Foundation
import IBKRSimulator
import Logging
import TraderCore

/// The venues exchange-sim serves.
enum SimulatedVenue: String, ExpressibleByArgument, CaseIterable {
    case coinbase
    case ibkr
}

extension ExchangeSim {
    /// `--venue ibkr`: IB Gateway's socket protocol over the replay, until a signal or the end of the data.
    func serveIBKR() async throws {
        LoggingSystem.bootstrap { StreamLogHandler.standardError(label: $0) }
        var logger = Logger(label: "exchange-sim")
        logger.logLevel = .info
        let sources = try data.map(Self.source)
        guard let usd = try Self.balances(cash)[.usd] else { throw ValidationError("--cash: the IB account holds USD (give AMOUNT USD)") }
        let gateway = try await GatewayMarket.make(
            sources: sources, interval: barSeconds.map { BarInterval(seconds: Int64($0)) }, cash: usd, warmupBars: warmup, volatility: volatility,
            permIDBase: Int(SystemClock().now().secondsSinceEpoch % 1_000_000) * 1000, logger: logger)
        let simulator = IBKRSimulator(gateway: gateway, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await simulator.run(port: port) { bound in
                    let products = sources.map(\.symbol.base).joined(separator: ",")
                    Self.say("exchange-sim listening on tws://127.0.0.1:\(bound) account=\(gateway.account) products=\(products)")
                }
            }
            group.addTask { try await gateway.replay(speed: speed) }
            try await group.next()
            group.cancelAll()
        }
    }
}
