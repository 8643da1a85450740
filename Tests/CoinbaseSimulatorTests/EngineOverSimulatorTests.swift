import Backtest
import CoinbaseAdapter
import CoinbaseSimulator
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// The engine trading through ``CoinbaseAdapter`` against the simulator over real loopback HTTP,
/// as a live shell will: each cycle lets a bar close at the simulator, books the fills from
/// `fills(since:)` and the final state of each working order from a lookup, steps on the quotes
/// and the last candle the adapter reads, and places what the engine decides. On 400 real Coinbase
/// BTC-USD hours the engine's book and the simulator's balances agree to the unit (10⁻⁸).
@Suite struct EngineOverSimulatorTests {
    @Test(.timeLimit(.minutes(5)))
    func theEnginesBookEqualsTheSimulatorsBalancesAfterTradingThroughTheAdapter() async throws {
        try await SimulatorHarness.with(limitingRates: false) { harness in
            let btc = SimulatorHarness.btc
            let adapter = harness.adapter
            var configuration = EMACrossoverPreset.configuration(symbol: btc, quantity: Quantity("0.01")!)
            configuration.products[btc] = try await adapter.rules(for: btc)
            var engine = try TradingEngine(configuration: configuration, portfolio: Portfolio(currency: .usd, cash: 100_000), runEpoch: 1)
            var sent: Set<ClientOrderID> = []
            var fillsBooked = 0
            var booked: Set<TradeID> = []
            var watermark = harness.simulator.exchange.timeline.wall(harness.clock.now())
            for _ in 0..<400 {
                guard try await harness.simulator.exchange.advance(bars: 1, clock: harness.clock) > 0 else { break }
                let close = harness.simulator.exchange.timeline.wall(harness.clock.now())

                // What happened since the last cycle: the fills, then each working order's state.
                for report in try await adapter.fills(since: watermark) where engine.portfolio.workingOrders[report.clientOrderID] != nil {
                    let applied = try engine.apply(report.event)
                    fillsBooked += applied.fills.count
                    for fill in applied.fills { #expect(booked.insert(fill.tradeID).inserted, "\(fill.tradeID) booked twice") }
                }
                watermark = close
                for id in engine.portfolio.workingOrders.keys.sorted() {
                    guard let order = engine.orders[id], let report = try await adapter.order(OrderReference(order)) else { continue }
                    let applied = try engine.apply(VenueEvent(status: report, at: close))
                    #expect(applied.fills.isEmpty, "the lookup found fills of \(id) that fills(since:) did not")
                    if applied.status.isTerminal { _ = engine.removeSettledOrder(id) }
                }

                let quotes = try await adapter.quotes(for: [btc])
                let bar = try await adapter.candles(for: btc, interval: .seconds(3_600), in: close.advanced(bySeconds: -3_600)..<close)
                let outcome = engine.step(MarketSnapshot(time: close, candles: bar.last.map { [btc: $0] } ?? [:], quotes: quotes))
                for intent in outcome.intents {
                    guard case .place(let order, _) = intent else { continue }
                    #expect(sent.insert(order.clientOrderID).inserted, "\(order.clientOrderID) sent twice")
                    try engine.apply(.submit, to: order.clientOrderID, at: close)
                    if case .accepted(let id) = try await adapter.place(order) {
                        try engine.apply(VenueEvent(clientOrderID: order.clientOrderID, change: .accepted(id), time: close))
                    }
                }
            }
            #expect(sent.count > 4, "the crossover must trade for the test to mean anything")
            #expect(fillsBooked >= sent.count)
            let held = try await harness.ordersHeld()
            #expect(held.count == sent.count)
            let balances = try await adapter.balances()
            let venueBTC = balances.first { $0.currency == Currency(code: "BTC") }.map { $0.available.raw + $0.hold.raw } ?? 0
            let venueUSD = balances.first { $0.currency == .usd }.map { $0.available.raw + $0.hold.raw } ?? 0
            #expect(engine.portfolio.positions[btc]?.quantity.value.raw ?? 0 == venueBTC)
            #expect(engine.portfolio.cash.raw == venueUSD)
        }
    }
}
