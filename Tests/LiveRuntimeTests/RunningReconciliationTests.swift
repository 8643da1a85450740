import Backtest
import LiveRuntime
import Persistence
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// A running node reconciles with the venue between cycles on the configured schedule: what the
/// venue did that the engine has not booked is adopted and recorded once, and an engine in step
/// records nothing.
@Suite struct RunningReconciliationTests {
    @Test func ordersTheVenueHoldsButTheEngineNeverBookedAreAdoptedOnceAndRecorded() async throws {
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        try await session.run(250)
        let (ids, committed) = try await LiveStartupTests().decideUntilOrders(&session)
        // Sent, but the node's engine never booked the venue's answers.
        var sent = session.engine
        _ = try await session.cycle.send(committed, engine: &sent)
        let node = TradingNode(engine: session.engine, cycle: session.cycle)
        let time = session.clock.now()

        let report = try await node.reconcile(fillsSince: time.advanced(bySeconds: -7_200), at: time)
        for id in ids {
            let atVenue = try #require(try await session.venue.order(OrderReference(id)))
            #expect(report.differences.contains(.init(.orderState, id.rawValue, engine: "new", venue: atVenue.status.rawValue)))
        }
        func reconciliationsRecorded() throws -> [String] {
            try session.store.auditRecords(from: time, to: time.advanced(bySeconds: 1)).map(\.cycleID).filter { $0.hasSuffix("-reconcile") }
        }
        #expect(try reconciliationsRecorded() == ["cycle-\(committed.cycle)-reconcile"])

        let again = try await node.reconcile(fillsSince: time.advanced(bySeconds: -7_200), at: time)
        #expect(again.isInSync)
        #expect(try reconciliationsRecorded().count == 1)
        let summary = await node.summary
        #expect(summary.reconciliations == 2)
        #expect(summary.differencesAdopted == report.differences.count)
        let holdings = try await session.venueHoldings()
        let engine = await node.engine
        #expect(engine.portfolio.positions[LiveSession.btc]?.quantity.value.raw ?? 0 == holdings.btc)
        #expect(engine.portfolio.cash.raw == holdings.usd)
    }

    @Test(.timeLimit(.minutes(1)), arguments: [(5 * 3_600 + 1_800, 4), (0, 24)])
    func theLoopReconcilesAfterTheCyclesTheScheduleCallsFor(intervalSeconds: Int, reconciliations: Int) async throws {
        let harness = try TradingLoopTests.Harness(cycles: 24, reconcileInterval: .seconds(intervalSeconds))
        defer { harness.session.remove() }
        harness.session.clock.set(to: Timestamp(secondsSinceEpoch: 1_498_906_800))
        _ = try await harness.run()
        let summary = await harness.node.summary
        #expect(summary.cycles == 24)
        #expect(summary.reconciliations == reconciliations)
        #expect(summary.differencesAdopted == 0)
    }
}
