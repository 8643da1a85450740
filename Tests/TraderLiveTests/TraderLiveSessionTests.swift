import Foundation
import Persistence
import Testing
import TraderTestKit

/// trader-live as operators run it: a bounded paper session on the paper venue replaying real
/// BTC-USD and ETH-USD hours, its refusals to start, the kill switch, and a stop by SIGTERM.
@Suite struct TraderLiveSessionTests {
    @Test func aBoundedPaperSessionTradesRecordsEveryCycleAndReleasesTheStateFile() async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        #expect(try await live.run(["--max-cycles", "400", "--format", "json"]) == 0, "\(live.standardError)")
        let summary = try live.summary()
        #expect(summary["cycles"] as? Int == 400)
        #expect(summary["failed_cycles"] as? Int == 0)
        #expect(summary["orders_sent"] as? Int == 1)
        #expect(summary["trades"] as? Int == 1)
        #expect(summary["pnl"] as? String == "94.59755983")
        #expect(summary["reconciliation"] as? [String: Int] == ["balance_differs": 1])
        #expect(summary["orders_ended"] as? [String: Int] == ["filled": 1])
        #expect(summary["fill_ratio"] as? Double == 1)
        // app.yaml reconciles hourly: after every hourly cycle (the session starts on a bar's
        // close). The paper venue never drifts.
        #expect(summary["reconciliations"] as? Int == 400)
        #expect(summary["differences_adopted"] as? Int == 0)
        #expect(live.standardOutput.hasPrefix("config_hash sha256:"))
        // The lock is released: the store opens, and holds one audit record a cycle and the start-up's.
        let store = try StateStore(path: live.statePath)
        let audit = try store.auditRecords(from: .init(secondsSinceEpoch: 0), to: .init(secondsSinceEpoch: 4_000_000_000))
        #expect(audit.count == 401)
        #expect(audit.first?.cycleID.hasPrefix("startup-") == true)
        #expect(audit.last?.cycleID == "cycle-400")
    }

    @Test func aSecondSessionOnTheSameStoreRestoresTheEngineAndReconcilesAgain() async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        #expect(try await live.run(["--max-cycles", "150"]) == 0, "\(live.standardError)")
        let again = try TraderLiveProcess(folder: live.folder)
        #expect(try await again.run(["--max-cycles", "150"]) == 0, "\(again.standardError)")
        let store = try StateStore(path: live.statePath)
        #expect(try store.runEpochs().count == 2)
        let audit = try store.auditRecords(from: .init(secondsSinceEpoch: 0), to: .init(secondsSinceEpoch: 4_000_000_000))
        #expect(audit.filter { $0.cycleID.hasPrefix("startup-") }.count == 2)
        #expect(audit.filter { $0.cycleID.hasPrefix("cycle-") }.count == 300)
    }

    @Test func shadowModeReportsWhatDryRunWouldHaveSentBesideWhatWasSent() async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        #expect(try await live.run(["--max-cycles", "1000", "--format", "json"], environment: ["TRADER_SHADOW": "true"]) == 0)
        let shadow = try #require(try live.summary()["shadow"] as? [String: Any])
        #expect(shadow["intended"] as? Int == 7)
        #expect(shadow["sent"] as? Int == 10)
        #expect(shadow["matched"] as? Int == 7)
        #expect(shadow["sent_only"] as? [String: Int] == ["BTC-USD SELL": 3])
        #expect(shadow["intended_only"] as? [String: Int] == [:])
        #expect(shadow["fills"] as? Int == 10)
    }

    @Test func aSecondProcessOnTheSameStateFileExits2NamingTheHolder() async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        try FileManager.default.createDirectory(atPath: live.folder + "/state", withIntermediateDirectories: true)
        let holder = try StateStore(path: live.statePath)
        #expect(try await live.run(["--max-cycles", "5"]) == 2)
        #expect(live.standardError.contains("is in use by process \(getpid())"))
        withExtendedLifetime(holder) {}
    }

    @Test(arguments: [
        (["TRADER_MODE": "LIVE"], "live_on_simulator"),
        (["TRADER_MODE": "LIVE", "TRADER_ENVIRONMENT": "production", "TRADER_VENUE": "coinbase"], "missing_credentials"),
        (["TRADER_VENUE": "ibkr"], "venue ibkr needs an ibkr: section"),
    ])
    func anUnsafeConfigurationIsRefusedWithExit2(environment: [String: String], said: String) async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        #expect(try await live.run(["--max-cycles", "5"], environment: environment) == 2)
        #expect(live.standardError.contains(said), "\(live.standardError)")
        #expect(!FileManager.default.fileExists(atPath: live.statePath))
    }

    @Test func theKillSwitchStopsEveryNewOrder() async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        #expect(try await live.run(["--max-cycles", "400", "--format", "json"], environment: ["TRADER_KILL_SWITCH": "1"]) == 0)
        let summary = try live.summary()
        #expect(summary["orders_sent"] as? Int == 0)
        #expect((summary["rejections"] as? [String: Int])?["kill_switch_engaged"] == 125)
    }

    @Test func sigtermStopsTheSessionCleanlyWithItsSummaryAndMetricsPromtoolAccepts() async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        try live.start(["--format", "json"])
        let listening = try #require(try await live.waitForLine(startingWith: "listening health"))
        let port = try #require(Int(listening.split(separator: " ").last ?? ""))
        let metrics = try await HTTPGet.text("http://127.0.0.1:\(port)/metrics")
        #expect(metrics.contains("trader_cycles_total"))
        #expect(metrics.contains("trader_decision_duration_seconds_count"))
        #expect(metrics.contains("\ntrader_nav "))
        for call in ["quotes", "candles", "book", "all_products", "rules", "balances", "open_orders"] {
            #expect(metrics.contains("trader_venue_call_duration_seconds_count{call=\"\(call)\"}"), "no latency histogram of \(call)")
        }
        #expect(try Promtool.check(metrics) == "")
        live.signal(SIGTERM)
        #expect(await live.waitForExit() == 0, "\(live.standardError)")
        let summary = try live.summary()
        #expect((summary["cycles"] as? Int ?? 0) > 0)
        #expect(try StateStore(path: live.statePath).runEpochs().count == 1)
    }
}
