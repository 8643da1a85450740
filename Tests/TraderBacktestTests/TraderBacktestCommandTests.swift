import Foundation
import Testing
import TraderTestKit

/// The built trader-backtest, run as a subprocess: results, exit codes and error messages.
@Suite struct TraderBacktestCommandTests {
    @Test func thePresetReproducesThePeerBenchmarkAndExitsZero() throws {
        let data = try SharedData.path("data/ftx_btcperp_1m.csv")
        let run = try TraderBacktestProcess.run(["run", "--preset", "ema-crossover", "--data", data, "--format", "json"])
        #expect(run.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(summary["bars"] as? Int == 45_031)
        #expect(summary["round_trips"] as? Int == 833)
        #expect(summary["final_equity"] as? String == "95829.688515")
        #expect(summary["fees_paid"] as? String == "4109.648985")
        #expect(run.standardError.contains("replayed 45031 bars"))
    }

    @Test func lostSubmitAnswersAreSettledByLookupsAndNeverResent() throws {
        let data = try SharedData.path("data/ftx_btcperp_1m.csv")
        let out = TraderBacktestProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try TraderBacktestProcess.run([
            "run", "--preset", "ema-crossover", "--data", data, "--lose-submit-answers", "5", "--out", out, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        // 1,666 orders, every fifth answer lost (333): 167 reached the venue and filled at the next
        // open before any lookup was due; 166 never arrived, were looked up once and found missing.
        #expect(summary["orders"] as? Int == 1_666)
        #expect(summary["rejected_orders"] as? Int == 166)
        #expect((summary["decisions"] as? [String: Int])?["lookup.submit_outcome_unknown"] == 166)
        let orders = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/orders.json"))) as? [[String: Any]])
        let paths = orders.compactMap { order -> String? in
            let events = (order["history"] as? [[String: Any]])?.compactMap { $0["event"] as? String } ?? []
            return events.contains("submit_outcome_unknown") ? events.joined(separator: " ") : nil
        }
        #expect(paths.count == 333)
        #expect(paths.filter { $0 == "submit submit_outcome_unknown fill" }.count == 167)
        #expect(paths.filter { $0 == "submit submit_outcome_unknown reject" }.count == 166)
        // Every order was submitted once: a lookup never re-sends.
        #expect(orders.allSatisfy { ($0["history"] as? [[String: Any]])?.filter { $0["event"] as? String == "submit" }.count == 1 })
    }

    @Test func aRunThatBreaksAnExposureCapExitsOneAndNamesTheCap() throws {
        // The fault: a policy whose risk.checks leaves out the exposure check. The run's monitor
        // checks the caps independently of the risk layer, so the entries that pass them are found.
        let folder = try TraderBacktestProcess.shippedConfig(
            replacingInPolicy: "  max_open_positions: 6\n",
            with: "  max_open_positions: 6\n  checks: [product_status, quote_freshness, liquidity, cooldown, pacing, open_positions]\n")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = try TraderBacktestProcess.run([
            "run", "--config", folder, "--data", "BTC-USD=" + (try SharedData.path("data/binance_btcusdt_1h.csv")), "--format", "json",
        ])
        #expect(run.status == 1)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let violations = try #require(summary["violations"] as? [String])
        #expect(violations.count == 512)
        #expect(violations.first == "2017-11-02T01:00:00Z: tier core position BTC-USD exposure 25.5306816% of NAV is above its cap of 25%")
        #expect(run.standardError.contains("error: risk invariant: 2017-11-02T10:00:00Z: asset BTC exposure 30.07082102% of NAV is above its cap of 30%"))
    }

    @Test func aMalformedRowIsReportedWithFileAndLineAndExitsTwo() throws {
        let folder = TraderBacktestProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/bad.csv"
        try "timestamp,open,high,low,close,volume\n60,1,2,0.5,1.5,10\n120,1,2,x,1.5,10\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try TraderBacktestProcess.run(["run", "--preset", "ema-crossover", "--data", file])
        #expect(run.status == 2)
        #expect(run.standardError.contains("\(file):3:"))
        #expect(run.standardError.contains("invalid_number"))
        #expect(run.standardOutput.isEmpty)
    }

    @Test func usageErrorsExitTwo() throws {
        let noData = try TraderBacktestProcess.run(["run", "--preset", "ema-crossover"])
        #expect(noData.status == 2)
        #expect(noData.standardError.contains("give at least one --data SYMBOL=FILE"))
        let both = try TraderBacktestProcess.run(["run", "--preset", "ema-crossover", "--config", "config", "--data", "x.csv"])
        #expect(both.status == 2)
        #expect(both.standardError.contains("give one of --config and --preset"))
        let missing = try TraderBacktestProcess.run(["run", "--preset", "ema-crossover", "--data", "/nonexistent/file.csv"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("/nonexistent/file.csv: error: io:"))
    }

    @Test func anInvalidConfigurationIsReportedAndExitsTwo() throws {
        let folder = try TraderBacktestProcess.shippedConfig(replacingInPolicy: "max_open_positions: 6", with: "max_open_positions: many")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = try SharedData.path("data/binance_btcusdt_1h.csv")
        let run = try TraderBacktestProcess.run(["run", "--config", folder, "--data", "BTC-USD=" + data])
        #expect(run.status == 2)
        #expect(run.standardError.contains("policy.yaml:"))
        #expect(run.standardError.contains("max_open_positions"))
    }

    @Test func badInputThatOnceCrashedIsAUsageOrDataErrorThatExitsTwo() throws {
        let folder = TraderBacktestProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let milliseconds = folder + "/ms.csv"
        try "timestamp,open,high,low,close,volume\n1502946000000,1,2,0.5,1.5,10\n".write(toFile: milliseconds, atomically: true, encoding: .utf8)
        let data = try SharedData.path("data/binance_btcusdt_1h.csv")
        let config = SharedData.packageRoot + "/config"
        let cases: [(arguments: [String], expected: String)] = [
            (
                ["--preset", "ema-crossover", "--data", milliseconds],
                "\(milliseconds):2:1: error: invalid_number: timestamp 1502946000000 is outside Unix seconds"
            ),
            (
                ["--config", config, "--data", "BTC-USD=" + data, "--data", "BTC-USD=" + data],
                "\(data): error: duplicate_symbol: BTC-USD already comes from \(data)"
            ),
            (
                ["--preset", "ema-crossover", "--data", data, "--cash", "50000000000"],
                "--cash 50000000000: give a positive amount of at most 10000000000"
            ),
            (
                ["--preset", "ema-crossover", "--data", data, "--from", "2021-01-02", "--to", "2021-01-01"],
                "--from 2021-01-02 is not before --to 2021-01-01: nothing would be replayed"
            ),
            (["--preset", "ema-crossover", "--data", data, "--out", milliseconds], "\(milliseconds): error: io: not a folder"),
        ]
        for (arguments, expected) in cases {
            let run = try TraderBacktestProcess.run(["run"] + arguments)
            #expect(run.status == 2, "\(arguments)")
            #expect(run.standardError.contains(expected), "\(run.standardError)")
            #expect(run.standardOutput.isEmpty)
        }
    }

    @Test func outCreatesItsFoldersAndReplacesThePreviousRunWhole() throws {
        let root = TraderBacktestProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/var/backtest"
        let data = try SharedData.path("data/binance_btcusdt_1h.csv")
        let first = try TraderBacktestProcess.run(["run", "--preset", "ema-crossover", "--data", data, "--out", out])
        #expect(first.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names == ["config.json", "config.sha256", "equity.csv", "exposure.csv", "metrics.json", "orders.json", "trades.json"])
        let second = try TraderBacktestProcess.run([
            "run", "--preset", "ema-crossover", "--data", data, "--out", out, "--from", "2020-01-01", "--to", "2020-02-01",
        ])
        #expect(second.status == 0)
        let metrics = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/metrics.json"))) as? [String: Any])
        #expect(metrics["bars"] as? Int == 744)  // January 2020, hourly: the second run's, not the first's
        let equityLines = try String(contentsOfFile: out + "/equity.csv", encoding: .utf8).split(separator: "\n")
        #expect(equityLines.count == 745)
    }

    @Test func aLatencyPastThePostOnlyTimeToLiveIsWarnedAbout() throws {
        let data = try SharedData.path("data/binance_btcusdt_1h.csv")
        let run = try TraderBacktestProcess.run([
            "run", "--config", SharedData.packageRoot + "/config", "--data", "BTC-USD=" + data, "--latency-bars", "1",
            "--from", "2021-01-01", "--to", "2021-02-01",
        ])
        #expect(run.status == 0)
        #expect(run.standardError.contains(
            "warning: --latency-bars 1: an order reaches the exchange 3600 s after its decision, past post_only_ttl_seconds (30 s)"))
    }
}
