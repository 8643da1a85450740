import Backtest
import Foundation
import LiveRuntime
import Persistence
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// A running node reconciles with the venue on the configured schedule, inside a cycle: after
/// booking the venue's reports of its working orders and before deciding. Drift (an engine behind
/// the venue) is adopted and recorded with the cycle; an engine in step finds nothing.
@Suite struct RunningReconciliationTests {
    @Test func anEngineBehindTheVenueAdoptsItsTruthBeforeDecidingAndThenStaysInStep() async throws {
        var session = try LiveSession(mode: .paper)
        defer { session.remove() }
        try await session.run(250)
        // Restored under a new run epoch, as a restart does (its orders get new ids).
        let behind = try TradingEngine(configuration: LiveSession.configuration, restoring: session.engine.state, runEpoch: 9)
        let since = session.clock.now()
        // The venue trades on while this engine stands still (a store restored from a backup).
        for _ in 0..<2_000 where session.reports.dropFirst(250).allSatisfy({ $0.fillsBooked == 0 }) { try await session.run(1) }
        try #require(session.engineHoldings.usd != behind.portfolio.cash.raw)

        let folder = NSTemporaryDirectory() + "trader-running-reconcile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try StateStore(path: folder + "/state.sqlite")
        let cycle = LiveCycle(
            configuration: .init(symbols: [LiveSession.btc], barInterval: .seconds(3_600), mode: .paper, configHash: "test"),
            venue: VenueConnection(session.venue), store: store)
        let node = TradingNode(engine: behind, cycle: cycle)
        let close = try #require(try await session.nextHour())
        let report = try await node.runCycle(at: close, reconcilingFillsSince: since.advanced(bySeconds: -3_600))

        let differences = try #require(report.reconciliation?.differences)
        #expect(differences.contains { $0.kind == .balance && $0.subject == "USD" })
        let holdings = try await session.venueHoldings()
        let engine = await node.engine
        #expect(engine.portfolio.positions[LiveSession.btc]?.quantity.value.raw ?? 0 == holdings.btc)
        #expect(engine.portfolio.cash.raw == holdings.usd)
        let audit = try #require(try store.auditRecords(from: close, to: close.advanced(bySeconds: 1)).first)
        #expect(audit.cycleID == "cycle-\(behind.cycle + 1)")
        #expect(audit.decisions.filter { $0.outcome == "adopted" }.count == differences.count)

        let next = try #require(try await session.nextHour())
        #expect(try await node.runCycle(at: next, reconcilingFillsSince: close.advanced(bySeconds: -3_600)).reconciliation?.isInSync == true)
        let summary = await node.summary
        #expect(summary.reconciliations == 2)
        #expect(summary.differencesAdopted == differences.count)
    }

    @Test(.timeLimit(.minutes(1)), arguments: [(5 * 3_600 + 1_800, 4), (0, 24)])
    func theLoopReconcilesInTheCyclesTheScheduleCallsFor(intervalSeconds: Int, reconciliations: Int) async throws {
        let harness = try TradingLoopTests.Harness(cycles: 24, reconcileInterval: .seconds(intervalSeconds))
        defer { harness.session.remove() }
        harness.session.clock.set(to: Timestamp(secondsSinceEpoch: 1_498_906_800))
        _ = try await harness.run()
        let summary = await harness.node.summary
        #expect(summary.cycles == 24)
        #expect(summary.reconciliations == reconciliations)
        #expect(summary.differencesAdopted == 0)
    }

    @Test(.timeLimit(.minutes(1)))
    func aGapTheVenueReportedMakesTheNextCycleReconcileOffSchedule() async throws {
        let gaps = VenueGaps()
        let harness = try TradingLoopTests.Harness(cycles: 6, gaps: gaps)
        defer { harness.session.remove() }
        harness.session.clock.set(to: Timestamp(secondsSinceEpoch: 1_498_906_800))
        gaps.note(since: Timestamp(secondsSinceEpoch: 1_498_903_200), reason: "reconnected to the gateway")
        gaps.note(since: Timestamp(secondsSinceEpoch: 1_498_906_000), reason: "IB connectivity restored (1101)")
        _ = try await harness.run()
        let summary = await harness.node.summary
        #expect(summary.cycles == 6)
        // No schedule: only the gap's cycle reconciles, once.
        #expect(summary.reconciliations == 1)
        #expect(gaps.take() == nil)
    }
}
