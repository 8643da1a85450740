import Foundation
import Backtest
import LiveRuntime
import Persistence
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// A live node killed mid-cycle and started again from its store on the paper venue over real
/// hours: the restored engine reconciles with the venue before trading, an intent committed but
/// never sent is refused and never sent, an order sent but not yet booked is found at the venue,
/// and afterwards the engine's book equals the venue's balances.
@Suite struct LiveStartupTests {
    /// Decides cycles until one commits orders; their ids and that cycle, still unsent.
    func decideUntilOrders(_ session: inout LiveSession) async throws -> (ids: [ClientOrderID], committed: CommittedCycle) {
        for _ in 0..<2_000 {
            guard let close = try await session.nextHour() else { break }
            let committed = try await session.cycle.decide(&session.engine, at: close)
            let ids = committed.intents.compactMap { if case .place(let order, _) = $0 { order.clientOrderID } else { nil } }
            if !ids.isEmpty { return (ids, committed) }
            session.reports.append(try await session.cycle.send(committed, engine: &session.engine))
        }
        throw NoOrderDecided()
    }

    struct NoOrderDecided: Error {}

    /// Starts again from the store: a new engine restored and reconciled with the venue.
    func restart(_ session: inout LiveSession) async throws -> ReconciliationReport {
        let startup = LiveStartup(venue: VenueConnection(session.venue), store: session.store)
        session.engine = try #require(try await startup.restoreEngine(configuration: LiveSession.configuration, runEpoch: 4))
        let saved = try #require(try await session.store.latestEngineSnapshot())
        return try await startup.reconcile(
            &session.engine, fillsSince: saved.time.advanced(bySeconds: -86_400), at: session.clock.now(), auditID: "startup-4", mode: .paper, configHash: "test")
    }

    @Test func anIntentCommittedButNeverSentIsRefusedAtTheRestartNeverSent() async throws {
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        try await session.run(250)
        let (unsent, _) = try await decideUntilOrders(&session)
        for _ in 0..<5 { _ = try await session.nextHour() }  // the node is down; the market moves on

        let report = try await restart(&session)
        for id in unsent {
            #expect(report.differences.contains(.init(.orderState, id.rawValue, engine: "new", venue: "never received")))
            // Ended, the order is handed out of the engine; the store has its end.
            #expect(session.engine.orders[id] == nil)
            #expect(try session.store.order(id)?.status == .rejected)
        }
        let sentBefore = session.sent.count
        try await session.run(300)
        #expect(session.sent.count > sentBefore, "the session must trade after the restart for the test to mean anything")
        let atVenue = await session.venue.allOrders().map(\.clientOrderID)
        #expect(Set(atVenue).isDisjoint(with: unsent))
        #expect(Set(session.sent).count == session.sent.count)
        let (engine, venue) = (session.engineHoldings, try await session.venueHoldings())
        #expect(engine.btc == venue.btc)
        #expect(engine.usd == venue.usd)
    }

    @Test func anOrderSentButNotYetBookedIsFoundAtTheVenueAtTheRestart() async throws {
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        try await session.run(250)
        let (ids, committed) = try await decideUntilOrders(&session)
        var lost = session.engine
        _ = try await session.cycle.send(committed, engine: &lost)  // sent; the process dies before its next commit
        for _ in 0..<5 { _ = try await session.nextHour() }

        let report = try await restart(&session)
        for id in ids {
            let atVenue = try #require(try await session.venue.order(OrderReference(id)))
            #expect(report.differences.contains(.init(.orderState, id.rawValue, engine: "new", venue: atVenue.status.rawValue)))
            #expect(try session.store.order(id)?.status == atVenue.status)
            #expect(atVenue.status.isTerminal ? session.engine.orders[id] == nil : session.engine.orders[id]?.status == atVenue.status)
        }
        let (ordersBefore, sentBefore) = (await session.venue.allOrders().count, session.sent.count)
        try await session.run(300)
        #expect(Set(session.sent).isDisjoint(with: ids))
        #expect(session.sent.count > sentBefore, "the session must trade after the restart for the test to mean anything")
        #expect(await session.venue.allOrders().count == ordersBefore + session.sent.count - sentBefore)
        let (engine, venue) = (session.engineHoldings, try await session.venueHoldings())
        #expect(engine.btc == venue.btc)
        #expect(engine.usd == venue.usd)
    }

    @Test func aRestoredEngineWarmedFromTheVenuesBarsDecidesAsOneThatNeverStopped() async throws {
        var session = try LiveSession(mode: .dryRun)
        defer { session.remove() }
        // Up to a crossover that the next one follows 8 hours later: fewer bars than the slow
        // EMA's 26, so an engine that started cold would miss it.
        let crossover = Timestamp("2017-07-19T20:00:00Z")!
        while session.clock.now() < crossover { try await session.run(1) }
        var never = session.engine
        let startup = LiveStartup(venue: VenueConnection(session.venue), store: session.store)
        var restored = try #require(try await startup.restoreEngine(configuration: LiveSession.configuration, runEpoch: 3))
        try await startup.warmUp(&restored, symbols: [LiveSession.btc], interval: .seconds(3_600), bars: 300, until: session.clock.now())
        var decided: (never: [String], restored: [String]) = ([], [])
        for _ in 0..<300 {
            guard let close = try await session.nextHour() else { break }
            let quotes = try await session.venue.quotes(for: [LiveSession.btc])
            let bar = try await session.venue.candles(for: LiveSession.btc, interval: .seconds(3_600), in: close.advanced(bySeconds: -3_600)..<close)
            let snapshot = MarketSnapshot(time: close, candles: bar.last.map { [LiveSession.btc: $0] } ?? [:], quotes: quotes)
            decided.never += never.step(snapshot).proposals.map { "\(close) \($0.side) \($0.symbol)" }
            decided.restored += restored.step(snapshot).proposals.map { "\(close) \($0.side) \($0.symbol)" }
        }
        #expect(decided.never.first == "2017-07-20T04:00:00Z buy BTC-USD")
        #expect(decided.restored == decided.never)
    }

    @Test func aFirstStartHasNoEngineToRestore() async throws {
        let session = try LiveSession(mode: .paper)
        defer { session.remove() }
        let startup = LiveStartup(venue: VenueConnection(session.venue), store: session.store)
        #expect(try await startup.restoreEngine(configuration: LiveSession.configuration, runEpoch: 1) == nil)
    }
}

/// The warm-up on a market with sessions: real SPY hours (seven a day, none at night, on
/// weekends or holidays).
@Suite struct SessionMarketWarmUpTests {
    @Test func warmUpReachesBackUntilItHasTheBarsAskedFor() async throws {
        let spy = Symbol(base: "SPY", quote: "USD")
        let configuration = EMACrossoverPreset.configuration(symbol: spy, quantity: Quantity(FixedPoint(1)))
        let clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
        let feed = try HistoricalFeed(
            sources: [.init(symbol: spy, path: SharedData.path("data/us-equities/spy_1h_19980102-20210331.csv"))], resampleTo: BarInterval(seconds: 3600))
        let venue = try PaperVenue(
            feed: feed, products: Array(configuration.products.values), fillModel: EMACrossoverPreset.fillModel, balances: [.usd: FixedPoint(100_000)],
            clock: clock)
        for _ in 0..<400 {
            guard let close = await venue.nextBarClose else { break }
            clock.set(to: close)
            try await venue.advance(to: close)
        }
        let store = try StateStore(path: NSTemporaryDirectory() + "trader-warm-up-" + UUID().uuidString + ".sqlite")
        let startup = LiveStartup(venue: VenueConnection(venue), store: store)
        var engine = try TradingEngine(configuration: configuration, portfolio: Portfolio(currency: .usd, cash: 100_000), runEpoch: 1)
        // 300 hours back hold about 90 of these bars; the window doubles until it holds 300.
        let fed = try await startup.warmUp(&engine, symbols: [spy], interval: .seconds(3_600), bars: 300, until: clock.now())
        #expect(fed == 300)
        let direct = try await venue.candles(for: spy, interval: .seconds(3_600), in: clock.now().advanced(bySeconds: -300 * 3_600)..<clock.now())
        #expect(direct.count < 100)
    }
}
