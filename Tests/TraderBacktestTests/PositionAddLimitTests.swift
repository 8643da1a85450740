import Foundation
import Testing
import TraderTestKit

/// The shipped configuration with `risk.max_entries_per_position: 1` on the 1h Binance BTC and ETH
/// files: every position has one entry, so a symbol's round trips follow one another, and the adds
/// the strategy wanted are refused by their reason code.
@Suite struct PositionAddLimitTests {
    @Test func oneEntryPerPositionRefusesEveryAddByItsReasonCode() throws {
        let config = try TraderBacktestProcess.shippedConfig(
            replacingInPolicy: "  max_open_positions: 6\n", with: "  max_open_positions: 6\n  max_entries_per_position: 1\n")
        let out = TraderBacktestProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: config)
        }
        let run = try TraderBacktestProcess.run([
            "run", "--config", config, "--data", "BTC-USD=" + (try SharedData.path("data/binance_btcusdt_1h.csv")),
            "--data", "ETH-USD=" + (try SharedData.path("data/binance_ethusdt_1h.csv")), "--out", out,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("rejected.max_entries_per_position           3635"))
        let metrics = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/metrics.json"))) as? [String: Any])
        #expect((metrics["decisions"] as? [String: Int])?["rejected.max_entries_per_position"] == 3_635)
        #expect(((metrics["metrics"] as? [String: Any])?["trades"] as? [String: Any])?["trades"] as? Int == 480)
        // One entry a position: each symbol's round trips follow one another, none overlapping.
        let trips = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/trades.json"))) as? [[String: Any]])
        var lastExit: [String: String] = [:]
        for trip in trips {
            let symbol = try #require(trip["symbol"] as? String)
            let (entry, exit) = (try #require(trip["entry_time"] as? String), try #require(trip["exit_time"] as? String))
            if let previous = lastExit[symbol] { #expect(entry >= previous, "\(symbol) entered at \(entry) before its last exit at \(previous)") }
            lastExit[symbol] = exit
        }
        #expect(trips.count == 480)
    }
}
