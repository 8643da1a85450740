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
    @Test func aPaperSessionEndsWithTheEnginesBookEqualToTheVenuesBalances() async throws {
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        try await session.run(400)
        #expect(session.sent.count > 4, "the crossover must trade for the test to mean anything")
        #expect(Set(session.sent).count == session.sent.count)
        #expect(await session.venue.allOrders().count == session.sent.count)
        let (engine, venue) = (session.engineHoldings, try await session.venueHoldings())
        #expect(engine.btc == venue.btc)
        #expect(engine.usd == venue.usd)
        #expect(try await session.store.latestEngineSnapshot()?.cycle == session.engine.cycle)
        for id in session.sent { #expect(try session.store.order(id) != nil, "\(id) was sent without being stored") }
        #expect(try session.store.fills(since: Timestamp(secondsSinceEpoch: 0)).count == session.reports.reduce(0) { $0 + $1.fillsBooked })
    }

    @Test func everyCycleIsAuditedWithItsDecisionsAndTheirReasonCodes() async throws {
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        try await session.run(400)
        let records = try session.store.auditRecords(from: Timestamp(secondsSinceEpoch: 0), to: session.clock.now().advanced(bySeconds: 1))
        #expect(records.count == 400)
        #expect(records.allSatisfy { $0.mode == "PAPER" && $0.configHash == "test" })
        let decisions = records.flatMap(\.decisions)
        #expect(decisions.filter { $0.outcome == "approved" }.count == session.sent.count)
        #expect(decisions.filter { $0.outcome == "no_trade" }.count == session.reports.filter { $0.noTradeReason != nil }.count)
        #expect(decisions.contains { $0.outcome == "no_trade" && $0.code == "no_signal" })
        #expect(records.flatMap(\.intents).count == session.sent.count)
    }

    @Test func dryRunDecidesAndRecordsButSendsNothing() async throws {
        var session = try LiveSession(mode: .dryRun)
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
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        await session.venue.loseNextPlaceAnswer(afterArrival: true)
        try await session.run(400)
        let lost = try #require(session.reports.flatMap(\.ambiguous).first)
        #expect(session.engine.orders[lost]?.status != .unknown)
        #expect(await session.venue.allOrders().filter { $0.clientOrderID == lost }.count == 1)
        #expect(!session.sent.contains(lost))
    }

    @Test func anOrderWhoseRequestNeverArrivedIsRefusedByTheNextLookup() async throws {
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        await session.venue.loseNextPlaceAnswer(afterArrival: false)
        try await session.run(400)
        let lost = try #require(session.reports.flatMap(\.ambiguous).first)
        let order = session.engine.orders[lost] ?? nil
        #expect(order == nil || order?.status == .rejected)
        #expect(await session.venue.allOrders().filter { $0.clientOrderID == lost }.isEmpty)
        #expect(try session.store.history(of: lost).last?.to == .rejected)
    }

    @Test func thePostTradeFollowUpBooksTheFillsOnceAndAmendsTheSavedState() async throws {
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        var sent: [ClientOrderID] = []
        while sent.isEmpty, let close = try await session.nextHour() {
            sent = try await session.cycle.run(&session.engine, at: close).sent
        }
        // The next bar fills the orders at the venue; the follow-up books them before any cycle.
        let fillTime = try #require(await session.venue.nextBarClose)
        session.clock.set(to: fillTime)
        try await session.venue.advance(to: fillTime)
        let fills = try await session.cycle.followUp(&session.engine, at: fillTime).fills
        #expect(fills == sent.count)
        #expect(session.engine.portfolio.workingOrders.isEmpty)
        let saved = try #require(try await session.store.latestEngineSnapshot())
        #expect(saved.cycle == session.engine.cycle)
        #expect(saved.time == fillTime)
        let audit = try session.store.auditRecords(from: fillTime, to: fillTime.advanced(bySeconds: 1))
        #expect(audit.map(\.cycleID) == ["cycle-\(session.engine.cycle)-follow-up"])
        // Nothing is left for the next cycle to book, and a second follow-up books nothing.
        #expect(try await session.cycle.followUp(&session.engine, at: fillTime).fills == 0)
        let next = try #require(try await session.nextHour())
        #expect(try await session.cycle.run(&session.engine, at: next).fillsBooked == 0)
        #expect(try session.store.fills(since: Timestamp(secondsSinceEpoch: 0)).count == fills)
    }
}
