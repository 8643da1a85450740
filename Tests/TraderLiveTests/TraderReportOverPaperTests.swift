import Foundation
import GRDB
import Testing
import TraderTestKit

/// trader-report on a paper session's state file (the shipped configuration on the paper venue
/// replaying the real BTC-USD and ETH-USD hours), and `compare` of that session with a backtest of
/// the same configuration on the same candles: the two agree trade for trade, an injected
/// slippage and a kill switch raise their flags, each by its reason.
@Suite struct TraderReportOverPaperTests {
    /// A paper session of `cycles` cycles (with `environment`), and a backtest of its configuration
    /// on the same candles; returns the session and the backtest's folder.
    static func sessionAndBacktest(cycles: Int = 2_000, environment: [String: String] = [:]) async throws -> (TraderLiveProcess, String) {
        let live = try TraderLiveProcess()
        #expect(try await live.run(["--max-cycles", "\(cycles)", "--format", "json"], environment: environment) == 0, "\(live.standardError)")
        let out = live.folder + "/backtest"
        let backtest = try BuiltProgram.run("trader-backtest", [
            "run", "--config", live.folder, "--data", "BTC-USD=" + (try SharedData.path("data/binance_btcusdt_1h.csv")),
            "--data", "ETH-USD=" + (try SharedData.path("data/binance_ethusdt_1h.csv")), "--out", out,
        ])
        #expect(backtest.status == 0, "\(backtest.standardError)")
        return (live, out)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func flags(_ comparison: [String: Any]) throws -> [String: [String: Any]] {
        let list = try #require(comparison["flags"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "", $0) })
    }

    @Test func aPaperSessionsStoreReportsWhatItsBacktestReportsOverTheSamePeriod() async throws {
        let (live, out) = try await Self.sessionAndBacktest()
        defer { live.remove() }
        let summary = try live.summary()
        let page = live.folder + "/report.html"
        let report = try BuiltProgram.run("trader-report", [live.statePath, "--format", "json", "--html", page, "--config", live.folder])
        #expect(report.status == 0, "\(report.standardError)")
        let json = try Self.json(report.standardOutput)
        #expect(json["kind"] as? String == "live")
        // The page draws what a backtest's does, the exposure from every cycle's NAV and holdings.
        let html = try String(contentsOfFile: page, encoding: .utf8)
        for chart in ["equity", "drawdown", "monthly-returns", "exposure", "trades-BTC-USD", "rejections", "attribution-bars"] {
            #expect(html.contains("id=\"\(chart)\""), "no \(chart) chart")
        }
        let metrics = try #require(json["metrics"] as? [String: Any])
        // The equity curve is the NAV of every cycle: it ends where the session's summary does.
        #expect(metrics["points"] as? Int == 2_000)
        #expect(metrics["starting_equity"] as? String == "100000")
        #expect(metrics["final_equity"] as? String == summary["end_nav"] as? String)
        #expect(metrics["final_equity"] as? String == "101098.76914081")
        #expect(metrics["fills"] as? Int == summary["trades"] as? Int)
        #expect((metrics["trades"] as? [String: Any])?["trades"] as? Int == 52)
        let attribution = try #require(metrics["attribution"] as? [String: String])
        #expect(attribution == [
            "edge": "2211.46308715", "entry_slippage": "0.07300594", "exit_slippage": "0.07300594", "fees": "708.06683021",
            "net": "1503.54226882",
        ])
        #expect(json["fees_outside_round_trips"] as? String == "24.32557505")
        // universe.yaml's tiers, as the backtest labels them.
        #expect(((metrics["by_tier"] as? [String: Any])?["core"] as? [String: Any])?["trades"] as? Int == 52)
        let decisions = try #require(json["decisions"] as? [String: Int])
        #expect(decisions["approved"] == summary["orders_sent"] as? Int)
        #expect(decisions["rejected.insufficient_depth"] == (summary["rejections"] as? [String: Int])?["insufficient_depth"])
        #expect(json["cycles_without_signal"] as? Int == 1_689)
        // The backtest of the same candles over the session's period: the same round trips, the
        // same attribution to the last 10⁻⁸, rebuilt from the store's fills by the report.
        let period = ["--from", "2017-08-21T10:00:00Z", "--to", "2017-11-12T17:00:01Z", "--format", "json"]
        let tested = try BuiltProgram.run("trader-report", [out] + period)
        #expect(tested.status == 0, "\(tested.standardError)")
        let testedMetrics = try #require(try Self.json(tested.standardOutput)["metrics"] as? [String: Any])
        #expect(testedMetrics["attribution"] as? [String: String] == attribution)
        #expect((testedMetrics["trades"] as? [String: Any])?["trades"] as? Int == 52)
    }

    @Test func aReportReadsTheStoreWhileTheNodeHoldsIt() async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        try live.start(["--format", "json"])
        _ = try #require(try await live.waitForLine(startingWith: "listening health"))
        // Reports while the node commits cycle after cycle, until one has round trips: each reads
        // one consistent commit, never a fill without its order.
        var roundTrips = 0
        var reports = 0
        while roundTrips == 0 && reports < 500 {
            let report = try BuiltProgram.run("trader-report", [live.statePath, "--format", "json"])
            reports += 1
            #expect(report.status == 0, "\(report.standardError)")
            guard report.status == 0 else { break }
            let metrics = try #require(try Self.json(report.standardOutput)["metrics"] as? [String: Any])
            roundTrips = (metrics["trades"] as? [String: Any])?["trades"] as? Int ?? 0
        }
        #expect(roundTrips > 0, "no round trip after \(reports) reports")
        live.signal(SIGTERM)
        #expect(await live.waitForExit() == 0)
    }

    @Test func compareMatchesEveryTradeOfAPaperRunWithItsBacktestAndRaisesNoFlag() async throws {
        let (live, out) = try await Self.sessionAndBacktest()
        defer { live.remove() }
        let compare = try BuiltProgram.run("trader-report", ["compare", out, live.statePath, "--config", live.folder, "--format", "json"])
        #expect(compare.status == 0, "\(compare.standardError)")
        let json = try Self.json(compare.standardOutput)
        #expect((json["matched"] as? [Any])?.count == 71)
        #expect((json["missed"] as? [Any])?.isEmpty == true)
        #expect((json["live_only"] as? [Any])?.isEmpty == true)
        let flags = try Self.flags(json)
        #expect(flags.values.allSatisfy { $0["raised"] as? Bool == false })
        #expect(flags["slippage_over_model"]?["value"] as? Double == 0)
        #expect(flags["fee_gap"]?["value"] as? Double == 0)
        #expect(flags["missed_trades"]?["value"] as? Double == 0)
        #expect(json["live_fee_bps"] as? Double == json["backtest_fee_bps"] as? Double)
        // The live NAV ends 0.00468819 above the backtest's (its last mark is the quote's mid).
        #expect(abs(try #require(flags["return_gap"]?["value"] as? Double)) < 0.000_01)
    }

    @Test func aSlippageInjectedIntoTheLiveFillsRaisesTheSlippageFlagAlone() async throws {
        let (live, out) = try await Self.sessionAndBacktest()
        defer { live.remove() }
        // Every live fill 10 bps worse: buys above their price, sells below it.
        let queue = try DatabaseQueue(path: live.statePath)
        try await queue.write { db in
            try db.execute(
                sql: """
                    UPDATE fills SET price_e8 = price_e8 + (CASE (SELECT side FROM orders o WHERE o.client_order_id = fills.client_order_id)
                        WHEN 'BUY' THEN price_e8 ELSE -price_e8 END) / 1000
                    """)
        }
        try queue.close()
        let compare = try BuiltProgram.run("trader-report", ["compare", out, live.statePath, "--config", live.folder])
        #expect(compare.status == 1, "\(compare.standardError)")
        let lines = compare.standardOutput.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        #expect(lines.contains("slippage_over_model 10.00 bps 5.00 bps RAISED"))
        #expect(lines.contains("fee_gap 0.00 bps 1.00 bps ok"))
        #expect(lines.contains("missed_trades 0 0 ok"))
        #expect(lines.contains("entry slippage 0.07300594 USD -87.32954326 USD"))
    }

    @Test func aLiveRunHaltedByItsKillSwitchMissesEveryTradeAndSaysWhy() async throws {
        let (live, out) = try await Self.sessionAndBacktest(environment: ["TRADER_KILL_SWITCH": "1"])
        defer { live.remove() }
        let compare = try BuiltProgram.run("trader-report", ["compare", out, live.statePath, "--config", live.folder, "--format", "json"])
        #expect(compare.status == 1, "\(compare.standardError)")
        let json = try Self.json(compare.standardOutput)
        let missed = try #require(json["missed"] as? [[String: Any]])
        #expect(missed.count == 71)
        #expect(Set(missed.compactMap { $0["reason"] as? String }) == ["kill_switch_engaged"])
        #expect((json["matched"] as? [Any])?.isEmpty == true)
        let flags = try Self.flags(json)
        #expect(flags["missed_trades"]?["raised"] as? Bool == true)
        #expect(flags["missed_trades"]?["value"] as? Double == 71)
    }

    @Test func compareRefusesRunsThatShareNoPeriod() async throws {
        let live = try TraderLiveProcess()
        defer { live.remove() }
        #expect(try await live.run(["--max-cycles", "50"]) == 0, "\(live.standardError)")
        let out = live.folder + "/backtest"
        let backtest = try BuiltProgram.run("trader-backtest", [
            "run", "--config", live.folder, "--data", "BTC-USD=" + (try SharedData.path("data/binance_btcusdt_1h.csv")),
            "--from", "2019-01-01", "--to", "2019-02-01", "--out", out,
        ])
        #expect(backtest.status == 0, "\(backtest.standardError)")
        let compare = try BuiltProgram.run("trader-report", ["compare", out, live.statePath])
        #expect(compare.status == 2)
        #expect(compare.standardError.contains("share no period"))
    }
}
