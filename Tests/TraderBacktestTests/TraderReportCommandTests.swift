import Foundation
import Testing
import TraderTestKit

/// The built trader-report, run as a subprocess on the artifacts of a backtest of the shipped
/// configuration (the real Binance BTC and ETH hours): the report of the whole run is the run's own
/// metrics, a window keeps what ended in it, and broken artifacts are errors that name the place.
@Suite struct TraderReportCommandTests {
    /// One backtest of the shipped configuration, shared by the tests (they only read it).
    static let shipped: Result<String, any Error> = Result {
        let out = TraderBacktestProcess.temporaryFolder()
        let run = try TraderBacktestProcess.run([
            "run", "--config", "config", "--data", "BTC-USD=" + (try SharedData.path("data/binance_btcusdt_1h.csv")),
            "--data", "ETH-USD=" + (try SharedData.path("data/binance_ethusdt_1h.csv")), "--out", out,
        ])
        guard run.status == 0 else { throw ReportTestError.backtestFailed(run.standardError) }
        return out
    }

    enum ReportTestError: Error { case backtestFailed(String) }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The value column of the text line whose label is `label`.
    static func row(_ label: String, in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("  " + label + "  ") }.map {
            $0.dropFirst(label.count + 2).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func theReportOfAWholeBacktestIsItsOwnMetrics() throws {
        let out = try Self.shipped.get()
        let report = try TraderBacktestProcess.run([out, "--format", "json"], program: "trader-report")
        #expect(report.status == 0, "\(report.standardError)")
        let json = try Self.json(report.standardOutput)
        let metrics = try Self.json(try String(contentsOfFile: out + "/metrics.json", encoding: .utf8))
        // Recomputed from trades.json, equity.csv and orders.json, equal to what the run computed.
        #expect(NSDictionary(dictionary: try #require(json["metrics"] as? [String: Any])).isEqual(to: try #require(metrics["metrics"] as? [String: Any])))
        #expect(json["fees_outside_round_trips"] as? String == metrics["open_lot_fees"] as? String)
        #expect(json["currency"] as? String == "USD")
        let attribution = try #require((json["metrics"] as? [String: Any])?["attribution"] as? [String: String])
        #expect(attribution == [
            "edge": "41879.46303818", "entry_slippage": "30.72967518", "exit_slippage": "30.72967576", "fees": "34956.89231717",
            "net": "6984.03007195",
        ])
        #expect(json["cycles_without_signal"] as? Int == 28_884)
        #expect((json["decisions"] as? [String: Int])?["rejected.global_trade_spacing"] == 887)
        // The rejections of each day sum to the run's counts, code by code.
        var summed: [String: Int] = [:]
        for day in try #require(json["rejections_by_day"] as? [[String: Any]]) {
            summed[try #require(day["code"] as? String), default: 0] += try #require(day["count"] as? Int)
        }
        #expect(summed == (json["decisions"] as? [String: Int])?.filter { $0.key.hasPrefix("rejected.") || $0.key.hasPrefix("universe.") })
        #expect(summed["rejected.no_position"] == 926)
    }

    @Test func theTextReportAlignsItsNumbersWithTheirUnits() throws {
        let out = try Self.shipped.get()
        let report = try TraderBacktestProcess.run([out], program: "trader-report")
        #expect(report.status == 0, "\(report.standardError)")
        let text = report.standardOutput
        #expect(Self.row("round trips", in: text) == "3035")
        #expect(Self.row("net PnL", in: text) == "6984.03007195 USD")
        #expect(Self.row("fees", in: text) == "-34956.89231717 USD")
        #expect(Self.row("  outside them", in: text) == "21.38400022 USD")
        #expect(Self.row("maker ratio", in: text) == "100.00 %")
        #expect(Self.row("rejected.insufficient_depth", in: text) == "263")
        // The attribution's five rows end in one column.
        let lines = text.split(separator: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Attribution") })
        #expect(Set(lines[(start + 1)...(start + 5)].map(\.count)).count == 1)
    }

    @Test func aWindowKeepsTheRoundTripsThatEndedInIt() throws {
        let out = try Self.shipped.get()
        let report = try TraderBacktestProcess.run([out, "--from", "2020-01-01", "--to", "2021-01-01", "--format", "json"], program: "trader-report")
        #expect(report.status == 0, "\(report.standardError)")
        let metrics = try #require(try Self.json(report.standardOutput)["metrics"] as? [String: Any])
        let trades = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/trades.json"))) as? [[String: Any]])
        let ended2020 = trades.filter { ($0["exit_time"] as? String)?.hasPrefix("2020-") == true }
        #expect((metrics["trades"] as? [String: Any])?["trades"] as? Int == ended2020.count)
        #expect(metrics["start"] as? String == "2020-01-01T00:00:00Z")
        #expect(metrics["end"] as? String == "2020-12-31T23:00:00Z")
    }

    /// The page as headless Chromium (Debian's, installed by scripts/setup) renders it: every chart
    /// drawn, the tables' numbers the text's, nothing logged to the console; its screenshot goes to
    /// `.build/test-output/trader-report.png`.
    @Test func theHTMLPageRendersInChromiumWithEveryChartAndTheTextsNumbers() throws {
        let out = try Self.shipped.get()
        let page = out + "-report.html"
        defer { try? FileManager.default.removeItem(atPath: page) }
        let report = try TraderBacktestProcess.run([out, "--html", page], program: "trader-report")
        #expect(report.status == 0, "\(report.standardError)")
        let size = try #require(try FileManager.default.attributesOfItem(atPath: page)[.size] as? Int)
        #expect(size < 5_000_000)
        let chromium = try #require(
            ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "chromium is not installed: scripts/setup installs it")
        let flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0"]
        let dom = try TraderBacktestProcess.run(flags + ["--dump-dom", "file://" + page], program: chromium)
        #expect(dom.status == 0, "\(dom.standardError)")
        #expect(!dom.standardError.contains("CONSOLE"), "\(dom.standardError)")
        for id in ["equity", "drawdown", "monthly-returns", "exposure", "trades-BTC-USD", "trades-ETH-USD", "rejections", "attribution-bars"] {
            let section = try #require(dom.standardOutput.components(separatedBy: "<section id=\"\(id)\">").dropFirst().first, "\(id) is missing")
            let chart = section.components(separatedBy: "</svg>")[0]
            #expect(chart.contains("<svg") && (chart.contains("<path d=\"M") || chart.contains("<rect ")), "\(id) draws nothing")
        }
        // One line per asset of exposure.csv.
        let exposure = try #require(dom.standardOutput.components(separatedBy: "<section id=\"exposure\">").dropFirst().first)
        #expect(exposure.components(separatedBy: "</svg>")[0].components(separatedBy: "<path ").count - 1 == 2)
        #expect(exposure.contains(">BTC</text>") && exposure.contains(">ETH</text>"))
        let text = try TraderBacktestProcess.run([out], program: "trader-report").standardOutput
        for value in [Self.row("round trips", in: text), Self.row("net PnL", in: text), Self.row("Sharpe", in: text)] {
            #expect(dom.standardOutput.contains("<td class=\"r\">\(try #require(value))</td>"))
        }
        let folder = SharedData.packageRoot + "/.build/test-output"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let shot = try TraderBacktestProcess.run(
            flags + ["--window-size=1000,2400", "--screenshot=\(folder)/trader-report.png", "file://" + page], program: chromium)
        #expect(shot.status == 0, "\(shot.standardError)")
        let png = try #require(FileManager.default.contents(atPath: folder + "/trader-report.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000)
    }

    @Test func aFolderWithoutACompleteRunOrWithABrokenLineIsAnErrorNamingThePlace() throws {
        let empty = TraderBacktestProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let missing = try TraderBacktestProcess.run([empty], program: "trader-report")
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("error: io: not a backtest's --out folder: it has no metrics.json"))

        let broken = TraderBacktestProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: broken) }
        try FileManager.default.copyItem(atPath: try Self.shipped.get(), toPath: broken)
        var lines = try String(contentsOfFile: broken + "/trades.json", encoding: .utf8).components(separatedBy: "\n")
        lines[2] = lines[2].replacingOccurrences(of: "\"fees\":\"", with: "\"fees\":\"1")
        try lines.joined(separator: "\n").write(toFile: broken + "/trades.json", atomically: true, encoding: .utf8)
        let corrupt = try TraderBacktestProcess.run([broken], program: "trader-report")
        #expect(corrupt.status == 2)
        #expect(corrupt.standardError.hasPrefix(broken + "/trades.json:3: error: invalid_artifact: exit_slippage"), "\(corrupt.standardError)")
    }
}
