import Foundation
import Testing
import TraderTestKit

/// Per-position exits on the shipped configuration with one entry a position, on the 1h Binance
/// BTC and ETH files: every exit fires, each named by its reason code, and each stop-loss and
/// take-profit sells at a decision mid past its level from the position's average entry.
@Suite struct ExitRulesBacktestTests {
    static let exits = """

        exits:
          stop_loss_pct: 3
          take_profit_pct: 6
          trailing_stop_pct: 2
          trailing_activation_pct: 2
          minimal_roi:
            - {after_minutes: 0, gain_pct: 10}
            - {after_minutes: 1440, gain_pct: 3}
          max_hold_hours: 96
          exit_on_regime_change: true

        """

    @Test func everyExitFiresByItsReasonCodeAtItsLevel() throws {
        let config = try TraderBacktestProcess.shippedConfig(
            replacingInPolicy: "  max_open_positions: 6\n", with: "  max_open_positions: 6\n  max_entries_per_position: 1\n")
        let out = TraderBacktestProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: config)
        }
        let policy = try String(contentsOfFile: config + "/policy.yaml", encoding: .utf8)
        try (policy + Self.exits).write(toFile: config + "/policy.yaml", atomically: true, encoding: .utf8)
        let run = try TraderBacktestProcess.run([
            "run", "--config", config, "--data", "BTC-USD=" + (try SharedData.path("data/binance_btcusdt_1h.csv")),
            "--data", "ETH-USD=" + (try SharedData.path("data/binance_ethusdt_1h.csv")), "--out", out,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let orders = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/orders.json"))) as? [[String: Any]])
        var sells: [String: Int] = [:]
        for order in orders where order["side"] as? String == "SELL" { sells[order["signal"] as? String ?? "-", default: 0] += 1 }
        #expect(sells == [
            "stop_loss": 362, "trailing_stop": 506, "take_profit": 104, "roi_reached": 101, "max_hold_time": 10, "regime_exit": 63,
            "momentum": 26, "price_move": 23, "mean_reversion": 16, "volume_spike": 33,
        ])
        // The first exit decided for each position (a later one re-quotes its unfilled part): a
        // stop-loss at or below 97 % of the position's average entry, a take-profit at or above
        // 106 %. Replayed in time order (at one instant: buys fill, exits are decided, sells fill).
        enum Event { case fill(buy: Bool, price: Decimal, quantity: Decimal), exit(signal: String, mid: Decimal) }
        var events: [(time: String, rank: Int, symbol: String, event: Event)] = []
        for order in orders {
            let symbol = try #require(order["symbol"] as? String)
            let buy = order["side"] as? String == "BUY"
            for fill in try #require(order["fills"] as? [[String: Any]]) {
                let time = try #require(fill["time"] as? String)
                let price = try #require((fill["price"] as? String).flatMap { Decimal(string: $0) })
                let quantity = try #require((fill["quantity"] as? String).flatMap { Decimal(string: $0) })
                events.append((time, buy ? 0 : 2, symbol, .fill(buy: buy, price: price, quantity: quantity)))
            }
            if !buy, let signal = order["signal"] as? String, let mid = (order["decision_mid"] as? String).flatMap({ Decimal(string: $0) }),
                let decided = ((order["history"] as? [[String: Any]])?.first?["time"] as? String)
            {
                events.append((decided, 1, symbol, .exit(signal: signal, mid: mid)))
            }
        }
        events.sort { ($0.time, $0.rank) < ($1.time, $1.rank) }
        var held: [String: (quantity: Decimal, cost: Decimal, exited: Bool)] = [:]
        var checked: [String: Int] = [:]
        for (time, _, symbol, event) in events {
            var position = held[symbol] ?? (0, 0, false)
            switch event {
            case .fill(true, let price, let quantity):
                if position.quantity == 0 { position.exited = false }
                position = (position.quantity + quantity, position.cost + price * quantity, position.exited)
            case .fill(false, _, let quantity):
                let left = position.quantity - quantity
                position = left > 0 ? (left, position.cost * left / position.quantity, position.exited) : (0, 0, position.exited)
            case .exit(let signal, let mid):
                guard position.quantity > 0, !position.exited else { break }
                position.exited = true
                let average = position.cost / position.quantity
                let hair = Decimal(string: "0.00000001")!
                if signal == "stop_loss" {
                    #expect(mid <= average * Decimal(string: "0.97")! + hair, "\(symbol) \(time)")
                    checked[signal, default: 0] += 1
                } else if signal == "take_profit" {
                    #expect(mid >= average * Decimal(string: "1.06")! - hair, "\(symbol) \(time)")
                    checked[signal, default: 0] += 1
                }
            }
            held[symbol] = position
        }
        #expect(checked == ["stop_loss": 355, "take_profit": 100])
    }
}
