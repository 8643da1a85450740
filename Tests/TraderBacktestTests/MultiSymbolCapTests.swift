import Foundation
import Testing
import TraderTestKit

/// The shipped configuration on the 1h Binance BTC and ETH files: the exposure and tier caps bind,
/// and the artifacts show that no entry ever left a cap exceeded.
@Suite struct MultiSymbolCapTests {
    @Test func exposureCapsBindAndAreNeverExceededAfterAnEntry() throws {
        let out = TraderBacktestProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try TraderBacktestProcess.run([
            "run", "--config", "config", "--data", "BTC-USD=" + (try SharedData.path("data/binance_btcusdt_1h.csv")),
            "--data", "ETH-USD=" + (try SharedData.path("data/binance_ethusdt_1h.csv")), "--out", out,
        ])
        #expect(run.status == 0, "\(run.standardError)")

        // The caps bound: the risk layer cut or refused entries for them.
        let metrics = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/metrics.json"))) as? [String: Any])
        let decisions = try #require(metrics["decisions"] as? [String: Int])
        #expect((decisions["rejected.asset_exposure_cap"] ?? 0) > 0)
        #expect((decisions["cut.asset_exposure_cap"] ?? 0) > 0)
        #expect((decisions["rejected.tier_position_cap"] ?? 0) > 0)
        #expect((decisions["cut.tier_position_cap"] ?? 0) > 0)
        #expect((metrics["violations"] as? [Any])?.isEmpty == true)

        // Every decision time that placed a buy, from orders.json.
        let orders = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/orders.json"))) as? [[String: Any]])
        var entries: [String: Set<String>] = [:]
        for order in orders where order["side"] as? String == "BUY" {
            let history = try #require(order["history"] as? [[String: Any]])
            let placed = try #require(history.first?["time"] as? String)
            entries[placed, default: []].insert(try #require(order["symbol"] as? String))
        }
        #expect(entries.count > 100)

        // exposure.csv after those decisions: BTC ≤ 25 % (the core tier's max_position_pct, below
        // its 30 % asset cap), ETH ≤ 20 % (the default asset cap), BTC and ETH together ≤ 50 % (the
        // core tier's max_allocation_pct), total ≤ 70 %, exactly as written.
        let rows = try String(contentsOfFile: out + "/exposure.csv", encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "time,nav,total_pct,pending_pct,BTC_pct,ETH_pct")
        var checked = 0
        var highestBTC = 0.0
        for row in rows.dropFirst() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard let symbols = entries[fields[0]] else { continue }
            let total = try #require(Double(fields[2]))
            let btc = try #require(Double(fields[4]))
            let eth = try #require(Double(fields[5]))
            #expect(total <= 70, "total \(total)% at \(fields[0])")
            #expect(btc + eth <= 50, "core tier \(btc + eth)% at \(fields[0])")
            if symbols.contains("BTC-USD") {
                #expect(btc <= 25, "BTC \(btc)% at \(fields[0])")
                highestBTC = max(highestBTC, btc)
            }
            if symbols.contains("ETH-USD") { #expect(eth <= 20, "ETH \(eth)% at \(fields[0])") }
            checked += 1
        }
        #expect(checked == entries.count)
        // The cap was reached, not just respected from afar.
        #expect(highestBTC > 24.9)
    }
}
