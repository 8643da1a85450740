import Foundation
import Synchronization
import Testing
import TraderTestKit

/// trader-live's alerts reaching webhook receivers on 127.0.0.1, routed by severity and
/// deduplicated on real time, whatever the replay's speed.
@Suite struct TraderLiveAlertTests {
    /// What the receiver was sent: each request's path and body.
    final class Received: Sendable {
        let requests = Mutex<[(path: String, body: String)]>([])
        var all: [(path: String, body: String)] { requests.withLock { $0 } }
    }

    @Test func theKillSwitchAlertReachesTheCriticalRouteOnceAndNoOtherRoute() async throws {
        let received = Received()
        let receiver = try LoopbackServer { connection in
            guard let request = connection.readRequest() else { return }
            let path = request.head.split(separator: " ").dropFirst().first.map(String.init) ?? ""
            received.requests.withLock { $0.append((path, String(decoding: request.body, as: UTF8.self))) }
            connection.respond(200, body: "ok")
        }
        defer { receiver.stop() }
        let live = try TraderLiveProcess()
        defer { live.remove() }
        let environment = [
            "TRADER_KILL_SWITCH": "1", "TRADER_ALERT_WEBHOOK_ONCALL": receiver.url("/oncall"), "TRADER_ALERT_WEBHOOK_TEAM": receiver.url("/team"),
        ]
        #expect(try await live.run(["--max-cycles", "400"], environment: environment) == 0, "\(live.standardError)")
        let requests = received.all
        #expect(requests.map(\.path) == ["/oncall"])
        #expect(requests.first?.body == #"{"text":"[CRITICAL] kill_switch: the kill switch is engaged: no new orders"}"#)
        // The webhook URLs are secrets: never in the log or the output.
        let log = (try? String(contentsOfFile: live.folder + "/trader.log", encoding: .utf8)) ?? ""
        for text in [log, live.standardOutput, live.standardError] { #expect(!text.contains("127.0.0.1:\(receiver.port)")) }
    }
}
