import Backtest
import Foundation
import Persistence
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// The engine, the paper venue and the state store as a live shell will use them: each cycle
/// looks up the working orders at the venue and books the reports, steps on the venue's quotes and
/// last bar, commits the cycle (intents, steps, fills, audit record and engine snapshot in one
/// transaction) and only then sends. On 800 real Coinbase BTC-USD hours the engine's book and the
/// venue's balances agree to the last 10⁻⁸.
@Suite struct PaperCycleTests {
    private static let btc = Symbol(base: "BTC", quote: "USD")

    @Test func theEnginesBookAndTheVenuesBalancesAgreeAfterEveryFill() async throws {
        let folder = NSTemporaryDirectory() + "trader-paper-cycle-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try StateStore(path: folder + "/state.sqlite")
        let configuration = EMACrossoverPreset.configuration(symbol: Self.btc, quantity: Quantity("0.01")!)
        let clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
        let feed = try HistoricalFeed(sources: [.init(symbol: Self.btc, path: SharedData.path("data/coinbase_btcusd_1h.csv"))])
        let venue = try PaperVenue(
            feed: feed, products: Array(configuration.products.values), fillModel: EMACrossoverPreset.fillModel,
            balances: [.usd: FixedPoint(100_000)], clock: clock)
        let epoch = try await store.beginRun(at: Timestamp(secondsSinceEpoch: 1_498_906_800))
        var engine = try TradingEngine(configuration: configuration, portfolio: Portfolio(currency: .usd, cash: 100_000), runEpoch: epoch)
        var sent: Set<ClientOrderID> = []
        var fillsBooked = 0
        for _ in 0..<800 {
            guard let close = await venue.nextBarClose else { break }
            clock.set(to: close)
            try await venue.advance(to: close)

            // What happened at the venue since the last cycle: each working order looked up.
            var transitions: [OrderTransitionRecord] = []
            var fills: [FillOfOrder] = []
            for id in engine.portfolio.workingOrders.keys.sorted() {
                guard let report = try await venue.order(OrderReference(id)) else { continue }
                let applied = try engine.apply(VenueEvent(status: report, at: close))
                fills += applied.fills.map { FillOfOrder(clientOrderID: id, fill: $0) }
                if applied.status != applied.previousStatus {
                    transitions.append(
                        OrderTransitionRecord(
                            clientOrderID: id, from: applied.previousStatus, to: applied.status, event: "status", at: close))
                }
                if applied.status.isTerminal { _ = engine.removeSettledOrder(id) }
            }
            fillsBooked += fills.count

            let quotes = try await venue.quotes(for: [Self.btc])
            let bar = try await venue.candles(
                for: Self.btc, interval: .seconds(3_600), in: close.advanced(bySeconds: -3_600)..<close)
            let outcome = engine.step(
                MarketSnapshot(time: close, candles: bar.last.map { [Self.btc: $0] } ?? [:], quotes: quotes))
            let orders = outcome.intents.compactMap { if case .place(let order, _) = $0 { order } else { nil } }
            let state = engine.state
            try await store.commitCycle(
                CycleRecord(
                    audit: AuditRecord(
                        cycleID: "cycle-\(outcome.cycle)", at: close, mode: "PAPER", configHash: "test", snapshotSummary: "BTC-USD",
                        decisions: [], intents: orders.map(\.clientOrderID.rawValue), latenciesMicroseconds: [:]),
                    intents: orders.map { IntentRecord($0, cycleID: "cycle-\(outcome.cycle)", decidedAt: close) },
                    transitions: transitions, fills: fills,
                    engineSnapshot: EngineSnapshot(
                        cycle: outcome.cycle, time: close, format: state.format, payload: Array(try JSONEncoder().encode(state)))))

            // Sent only now that the intents are committed.
            for order in orders {
                #expect(sent.insert(order.clientOrderID).inserted, "\(order.clientOrderID) sent twice")
                try engine.apply(.submit, to: order.clientOrderID, at: close)
                try store.recordTransitions([
                    OrderTransitionRecord(clientOrderID: order.clientOrderID, from: .new, to: .submitted, event: "submit", at: close)
                ])
                if case .accepted(let id) = try await venue.place(order) {
                    try engine.apply(VenueEvent(clientOrderID: order.clientOrderID, change: .accepted(id), time: close))
                }
            }
        }
        #expect(sent.count > 10, "the crossover must trade for the test to mean anything")
        #expect(fillsBooked > 10)
        let balances = try await venue.balances()
        let venueBTC = balances.first { $0.currency == Currency(code: "BTC") }.map { $0.available.raw + $0.hold.raw } ?? 0
        let venueUSD = balances.first { $0.currency == .usd }.map { $0.available.raw + $0.hold.raw } ?? 0
        #expect(engine.portfolio.positions[Self.btc]?.quantity.value.raw ?? 0 == venueBTC)
        #expect(engine.portfolio.cash.raw == venueUSD)
        #expect(sent.allSatisfy { $0.rawValue.contains("-e\(epoch)-") })
        #expect(try store.fills(since: Timestamp(secondsSinceEpoch: 0)).count == fillsBooked)
        #expect(try await store.latestEngineSnapshot()?.cycle == engine.cycle)
    }
}
