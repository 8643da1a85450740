import CurlHTTP
import Foundation
import LiveRuntime
import Synchronization
import Testing
import TraderConfig
import TraderCore
import TraderTestKit

/// Alerts delivered to webhook receivers on 127.0.0.1: routed by severity, Slack-compatible,
/// sent once per window however often raised, rate-limited per route, and never with the webhook
/// URL (a secret) in a log line.
@Suite struct AlertDispatcherTests {
    /// A webhook receiver answering `status`, keeping each body it received.
    final class Receiver: Sendable {
        final class Bodies: Sendable {
            let list = Mutex<[String]>([])
        }

        let bodies = Bodies()
        let server: LoopbackServer

        init(status: Int = 200) throws {
            let bodies = self.bodies
            server = try LoopbackServer { connection in
                while let request = connection.readRequest() {
                    bodies.list.withLock { $0.append(String(decoding: request.body, as: UTF8.self)) }
                    connection.respond(status, body: "ok")
                }
            }
        }

        var received: [String] { bodies.list.withLock { $0 } }
        /// The URL, with a token in its path as Slack's have.
        var url: String { server.url("/services/T000/B000/secret-token-\(server.port)") }
    }

    let clock = ManualClock(Timestamp(secondsSinceEpoch: 1_700_000_000))

    func alert(_ kind: Alert.Kind, _ severity: AlertSettings.Severity, _ message: String = "details") -> Alert {
        Alert(kind, severity, message, at: clock.now())
    }

    @Test func eachRouteReceivesTheSeveritiesItNamesAsSlackText() async throws {
        let (oncall, team) = (try Receiver(), try Receiver())
        defer { oncall.server.stop(); team.server.stop() }
        let dispatcher = AlertDispatcher(
            routes: [
                .init(name: "oncall", severities: [.critical], webhookURL: oncall.url),
                .init(name: "team", severities: [.error, .warning], webhookURL: team.url),
            ], clock: clock)
        #expect(await dispatcher.send(alert(.killSwitch, .critical, "engaged by \"ops\"")) == [.delivered(route: "oncall")])
        #expect(await dispatcher.send(alert(.cycleOverrun, .warning)) == [.delivered(route: "team")])
        #expect(await dispatcher.send(alert(.cycleOverrun, .info)) == [])
        #expect(oncall.received == [#"{"text":"[CRITICAL] kill_switch: engaged by \"ops\""}"#])
        #expect(team.received == [#"{"text":"[WARNING] cycle_overrun: details"}"#])
    }

    @Test func theSameAlertIsSentOncePerWindowAndAgainAfterIt() async throws {
        let receiver = try Receiver()
        defer { receiver.server.stop() }
        let dispatcher = AlertDispatcher(
            routes: [.init(name: "team", severities: [.error], webhookURL: receiver.url)], clock: clock, dedupWindow: .seconds(300))
        #expect(await dispatcher.send(alert(.apiFailureBurst, .error)) == [.delivered(route: "team")])
        clock.advance(by: .seconds(299))
        #expect(await dispatcher.send(alert(.apiFailureBurst, .error)) == [.duplicate(route: "team")])
        #expect(await dispatcher.send(alert(.apiFailureBurst, .error, "another")) == [.delivered(route: "team")])
        clock.advance(by: .seconds(1))
        #expect(await dispatcher.send(alert(.apiFailureBurst, .error)) == [.delivered(route: "team")])
        #expect(receiver.received.count == 3)
    }

    @Test func aBurstIsCutAtTheRoutesLimit() async throws {
        let receiver = try Receiver()
        defer { receiver.server.stop() }
        let dispatcher = AlertDispatcher(
            routes: [.init(name: "team", severities: [.error], webhookURL: receiver.url)], clock: clock, maxPerWindow: 3)
        var outcomes: [AlertDispatcher.Delivery] = []
        for number in 0..<5 { outcomes += await dispatcher.send(alert(.rejectionBurst, .error, "burst \(number)")) }
        #expect(outcomes == Array(repeating: .delivered(route: "team"), count: 3) + Array(repeating: .rateLimited(route: "team"), count: 2))
        #expect(receiver.received.count == 3)
    }

    @Test func aFailingWebhookIsReportedWithoutItsURLInAnyLogLine() async throws {
        let refusing = try Receiver(status: 500)
        defer { refusing.server.stop() }
        let (logger, logs) = RecordingLogHandler.logger()
        let closedURL = "http://127.0.0.1:1/services/T000/B000/secret-token-closed"
        let dispatcher = AlertDispatcher(
            routes: [
                .init(name: "oncall", severities: [.critical], webhookURL: refusing.url),
                .init(name: "backup", severities: [.critical], webhookURL: closedURL),
            ], http: HTTPClient(configuration: .init(connectTimeout: .seconds(2))), clock: clock, logger: logger)
        let outcomes = await dispatcher.send(alert(.lockConflict, .critical))
        #expect(outcomes == [.failed(route: "oncall", reason: "http_500"), .failed(route: "backup", reason: "not_sent")])
        let logged = logs.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(logs.all.count == 2)
        #expect(!logged.contains("secret-token"))
    }
}

/// The alerts a cycle raises from what it refused and why.
@Suite struct CycleAlertTests {
    let time = Timestamp(secondsSinceEpoch: 1_800_000_000)

    @Test func eachStopAndBreakerRaisesItsKindAtItsSeverity() {
        let alerts = Alert.raised(
            byRejections: ["daily_loss_limit": 2, "weekly_loss_limit": 1, "max_drawdown": 1, "rate_limit_hits": 3, "insufficient_depth": 9],
            venueRefusals: 3, killSwitchEngaged: true, at: time)
        #expect(alerts.map(\.kind) == [.killSwitch, .dailyStop, .weeklyStop, .breakerTripped, .breakerTripped, .rejectionBurst])
        #expect(alerts.map(\.severity) == [.critical, .critical, .critical, .critical, .error, .warning])
        #expect(alerts[4].message == "a breaker tripped (rate_limit_hits): no new risk while it holds")
    }

    @Test func ordinaryRefusalsRaiseNothing() {
        #expect(Alert.raised(byRejections: ["insufficient_depth": 40, "no_position": 3], venueRefusals: 2, killSwitchEngaged: false, at: time).isEmpty)
    }
}
