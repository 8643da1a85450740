import Foundation
import Testing
import TraderTestKit

/// Per-position exits on the shipped configuration with one entry a position, on the 1h Binance
/// BTC and ETH files: every exit fires, each named by its reason code, and each stop-loss and
/// take-profit sells at a decision mid past its level from the position's average entry; an ATR
/// stop sells below it.
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
        let (config, out) = try Self.run(exits: Self.exits)
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: config)
        }
        let orders = try Self.orders(out)
        var sells: [String: Int] = [:]
        for order in orders where order["side"] as? String == "SELL" { sells[order["signal"] as? String ?? "-", default: 0] += 1 }
        #expect(sells == [
            "stop_loss": 362, "trailing_stop": 506, "take_profit": 104, "roi_reached": 101, "max_hold_time": 10, "regime_exit": 63,
            "momentum": 26, "price_move": 23, "mean_reversion": 16, "volume_spike": 33,
        ])
        // The first exit decided for each position (a later one re-quotes its unfilled part): a
        // stop-loss at or below 97 % of the position's average entry, a take-profit at or above
        // 106 %.
        var checked: [String: Int] = [:]
        let hair = Decimal(string: "0.00000001")!
        for exit in try Self.firstExits(orders) {
            if exit.signal == "stop_loss" {
                #expect(exit.mid <= exit.averageEntry * Decimal(string: "0.97")! + hair, "\(exit)")
                checked[exit.signal, default: 0] += 1
            } else if exit.signal == "take_profit" {
                #expect(exit.mid >= exit.averageEntry * Decimal(string: "1.06")! - hair, "\(exit)")
                checked[exit.signal, default: 0] += 1
            }
        }
        #expect(checked == ["stop_loss": 355, "take_profit": 100])
    }

    @Test func anATRStopSellsEveryPositionItStopsBelowItsEntry() throws {
        let (config, out) = try Self.run(exits: "\nexits:\n  stop_loss_atr: 2\n")
        defer {
            try? FileManager.default.removeItem(atPath: out)
            try? FileManager.default.removeItem(atPath: config)
        }
        let orders = try Self.orders(out)
        #expect(orders.filter { $0["side"] as? String == "SELL" && $0["signal"] as? String == "stop_loss" }.count == 391)
        let stops = try Self.firstExits(orders).filter { $0.signal == "stop_loss" }
        #expect(stops.count == 387)
        for stop in stops { #expect(stop.mid < stop.averageEntry, "\(stop)") }
    }

    /// A backtest of the shipped configuration with one entry a position and `exits` added to its
    /// policy.yaml; returns the configuration and output folders (the caller removes them).
    static func run(exits: String) throws -> (config: String, out: String) {
        let config = try TraderBacktestProcess.shippedConfig(
            replacingInPolicy: "  max_open_positions: 6\n", with: "  max_open_positions: 6\n  max_entries_per_position: 1\n")
        let out = TraderBacktestProcess.temporaryFolder()
        let policy = try String(contentsOfFile: config + "/policy.yaml", encoding: .utf8)
        try (policy + exits).write(toFile: config + "/policy.yaml", atomically: true, encoding: .utf8)
        let run = try TraderBacktestProcess.run([
            "run", "--config", config, "--data", "BTC-USD=" + (try SharedData.path("data/binance_btcusdt_1h.csv")),
            "--data", "ETH-USD=" + (try SharedData.path("data/binance_ethusdt_1h.csv")), "--out", out,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        return (config, out)
    }

    static func orders(_ out: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/orders.json"))) as? [[String: Any]])
    }

    /// The first exit decided for each position, with its decision mid and the position's average
    /// entry then: orders.json replayed in time order (at one instant: buys fill, exits are
    /// decided, sells fill).
    static func firstExits(_ orders: [[String: Any]]) throws -> [(symbol: String, time: String, signal: String, mid: Decimal, averageEntry: Decimal)] {
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
        var exits: [(symbol: String, time: String, signal: String, mid: Decimal, averageEntry: Decimal)] = []
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
                exits.append((symbol, time, signal, mid, position.cost / position.quantity))
            }
            held[symbol] = position
        }
        return exits
    }
}
