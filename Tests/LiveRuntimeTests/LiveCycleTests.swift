import Backtest
import Foundation
import LiveRuntime
import Persistence
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// The live cycle on the paper venue over real Coinbase BTC-USD hours with a state store in a
/// temporary folder: the engine's book ends equal to the venue's balances, every cycle is
/// committed before anything is sent, DRY_RUN sends nothing, and a lost answer is settled by a
/// lookup, never by sending again.
@Suite struct LiveCycleTests {
    static let btc = Symbol(base: "BTC", quote: "USD")

    /// A paper venue, a store and an engine, run hour by hour through ``LiveCycle``.
    struct Session {
        let venue: PaperVenue
        let clock: ManualClock
        let store: StateStore
        let folder: String
        var engine: TradingEngine
        let cycle: LiveCycle
        var reports: [LiveCycleReport] = []

        init(mode: TradingMode) throws {
            folder = NSTemporaryDirectory() + "trader-live-cycle-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            store = try StateStore(path: folder + "/state.sqlite")
            let configuration = EMACrossoverPreset.configuration(symbol: LiveCycleTests.btc, quantity: Quantity("0.01")!)
            clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
            let feed = try HistoricalFeed(sources: [.init(symbol: LiveCycleTests.btc, path: SharedData.path("data/coinbase_btcusd_1h.csv"))])
            venue = try PaperVenue(
                feed: feed, products: Array(configuration.products.values), fillModel: EMACrossoverPreset.fillModel,
                balances: [.usd: FixedPoint(100_000)], clock: clock)
            engine = try TradingEngine(configuration: configuration, portfolio: Portfolio(currency: .usd, cash: 100_000), runEpoch: 3)
            cycle = LiveCycle(
                configuration: .init(symbols: [LiveCycleTests.btc], barInterval: .seconds(3_600), mode: mode, configHash: "test"),
                venue: VenueConnection(venue), store: store)
        }

        /// Runs `hours` cycles, one at each bar's close.
        mutating func run(_ hours: Int) async throws {
            for _ in 0..<hours {
                guard let close = await venue.nextBarClose else { return }
                clock.set(to: close)
                try await venue.advance(to: close)
                reports.append(try await cycle.run(&engine, at: close))
            }
        }

        var sent: [ClientOrderID] { reports.flatMap(\.sent) }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }
    }

    @Test func aPaperSessionEndsWithTheEnginesBookEqualToTheVenuesBalances() async throws {
        var session = try Session(mode: .paper)
        defer { session.remove() }
        try await session.run(400)
        #expect(session.sent.count > 4, "the crossover must trade for the test to mean anything")
        #expect(Set(session.sent).count == session.sent.count)
        #expect(await session.venue.allOrders().count == session.sent.count)
        let balances = try await session.venue.balances()
        let venueBTC = balances.first { $0.currency == Currency(code: "BTC") }.map { $0.available.raw + $0.hold.raw } ?? 0
        let venueUSD = balances.first { $0.currency == .usd }.map { $0.available.raw + $0.hold.raw } ?? 0
        #expect(session.engine.portfolio.positions[Self.btc]?.quantity.value.raw ?? 0 == venueBTC)
        #expect(session.engine.portfolio.cash.raw == venueUSD)
        #expect(try await session.store.latestEngineSnapshot()?.cycle == session.engine.cycle)
        for id in session.sent { #expect(try session.store.order(id) != nil, "\(id) was sent without being stored") }
        #expect(try session.store.fills(since: Timestamp(secondsSinceEpoch: 0)).count == session.reports.reduce(0) { $0 + $1.fillsBooked })
    }

    @Test func dryRunDecidesAndRecordsButSendsNothing() async throws {
        var session = try Session(mode: .dryRun)
        defer { session.remove() }
        try await session.run(400)
        let withheld = session.reports.flatMap(\.withheld)
        #expect(!withheld.isEmpty)
        #expect(session.sent.isEmpty)
        #expect(await session.venue.allOrders().isEmpty)
        #expect(session.engine.portfolio.cash == FixedPoint(100_000))
        #expect(try session.store.order(withheld[0]) != nil)
    }

    @Test func anOrderWhoseAnswerWasLostIsFoundByTheNextLookupAndNeverSentAgain() async throws {
        var session = try Session(mode: .paper)
        defer { session.remove() }
        await session.venue.loseNextPlaceAnswer(afterArrival: true)
        try await session.run(400)
        let lost = try #require(session.reports.flatMap(\.ambiguous).first)
        #expect(session.engine.orders[lost]?.status != .unknown)
        #expect(await session.venue.allOrders().filter { $0.clientOrderID == lost }.count == 1)
        #expect(!session.sent.contains(lost))
    }

    @Test func anOrderWhoseRequestNeverArrivedIsRefusedByTheNextLookup() async throws {
        var session = try Session(mode: .paper)
        defer { session.remove() }
        await session.venue.loseNextPlaceAnswer(afterArrival: false)
        try await session.run(400)
        let lost = try #require(session.reports.flatMap(\.ambiguous).first)
        let order = session.engine.orders[lost] ?? nil
        #expect(order == nil || order?.status == .rejected)
        #expect(await session.venue.allOrders().filter { $0.clientOrderID == lost }.isEmpty)
        #expect(try session.store.history(of: lost).last?.to == .rejected)
    }
}
