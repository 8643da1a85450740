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
        let folder = TraderBacktestProcess.temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["app.yaml", "policy.yaml", "universe.yaml"] {
            try FileManager.default.copyItem(atPath: SharedData.packageRoot + "/config/" + name, toPath: folder + "/" + name)
        }
        let policy = try String(contentsOfFile: folder + "/policy.yaml", encoding: .utf8)
        try policy.replacingOccurrences(of: "max_open_positions: 6", with: "max_open_positions: many")
            .write(toFile: folder + "/policy.yaml", atomically: true, encoding: .utf8)
        let data = try SharedData.path("data/binance_btcusdt_1h.csv")
        let run = try TraderBacktestProcess.run(["run", "--config", folder, "--data", "BTC-USD=" + data])
        #expect(run.status == 2)
        #expect(run.standardError.contains("policy.yaml:"))
        #expect(run.standardError.contains("max_open_positions"))
    }
}
