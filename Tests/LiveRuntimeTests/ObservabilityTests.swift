import CurlHTTP
import Foundation
import LiveRuntime
import Testing
import TraderCore
import TraderTestKit

/// `/health` and `/metrics` of a node that traded real hours on the paper venue, fetched over HTTP
/// on 127.0.0.1: the health turns 503 when cycles stop, and promtool accepts the metrics.
@Suite struct ObservabilityTests {
    /// A node that ran `hours` cycles, its server on a free port, and `body` with both.
    func withServer(hours: Int, _ body: (LiveSession, TradingNode, String) async throws -> Void) async throws {
        let session = try LiveSession(mode: .paper)
        defer { session.remove() }
        let node = TradingNode(engine: session.engine, cycle: session.cycle)
        for _ in 0..<hours {
            guard let close = try await session.nextHour() else { break }
            try await node.runCycle(at: close)
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = ObservabilityServer(
            node: node, mode: .paper, clock: session.clock, maxStaleness: .seconds(7_200), port: 0, onRunning: { continuation.yield($0) })
        let serving = Task { try await server.run() }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        try await body(session, node, "http://127.0.0.1:\(port)")
    }

    @Test func healthNamesTheBreakersActiveInTheLastCycleAndStaysHealthy() async throws {
        let session = try LiveSession(mode: .paper)
        defer { session.remove() }
        let cycle = LiveCycle(
            configuration: .init(
                symbols: [LiveSession.btc], barInterval: .seconds(3_600), mode: .paper, configHash: "test", killSwitchEngaged: { true }),
            venue: VenueConnection(session.venue), store: session.store)
        let node = TradingNode(engine: session.engine, cycle: cycle)
        for _ in 0..<30 {
            guard let close = try await session.nextHour() else { break }
            try await node.runCycle(at: close)
        }
        let report = HealthReport(
            summary: await node.summary, mode: .paper, now: session.clock.now(), startedAt: session.clock.now(), maxStaleness: .seconds(7_200))
        #expect(report.breakersActive == ["kill_switch_engaged"])
        #expect(report.isHealthy)
    }

    @Test(.timeLimit(.minutes(1)))
    func healthSaysWhatTheNodeDidAndTurns503WhenCyclesStop() async throws {
        try await withServer(hours: 300) { session, node, base in
            let http = HTTPClient()
            let healthy = try await http.send(HTTPRequest(url: base + "/health"))
            #expect(healthy.status == 200)
            let report = try JSONDecoder().decode(HealthReport.self, from: Data(healthy.body))
            let summary = await node.summary
            #expect(report.cycles == 300)
            #expect(report.mode == "PAPER")
            #expect(report.lastCycle == session.clock.now())
            #expect(report.openPositions == summary.openPositions)
            #expect(report.pendingOrders == summary.pendingOrders)
            #expect(report.problems == [])
            #expect(report.breakersActive == [])
            session.clock.advance(by: .seconds(7_201))
            let stale = try await http.send(HTTPRequest(url: base + "/health"))
            #expect(stale.status == 503)
            #expect(try JSONDecoder().decode(HealthReport.self, from: Data(stale.body)).problems.count == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func metricsCountTheCyclesAndPromtoolAcceptsThem() async throws {
        try await withServer(hours: 300) { session, node, base in
            let response = try await HTTPClient().send(HTTPRequest(url: base + "/metrics"))
            #expect(response.status == 200)
            let text = String(decoding: response.body, as: UTF8.self)
            let summary = await node.summary
            #expect(text.contains("\ntrader_cycles_total 300\n"))
            #expect(text.contains("\ntrader_orders_sent_total \(summary.ordersSent)\n"))
            #expect(text.contains("trader_no_trade_total{reason=\"no_signal\"}"))
            #expect(text.contains("trader_cycle_duration_seconds_count 300"))
            #expect(try Promtool.check(text) == "")
        }
    }
}
