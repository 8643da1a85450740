import Foundation
import GRDB
@testable import Persistence
import TraderCore

/// Temporary state files and sample records for the store tests.
enum StoreFixture {
    static let start = Timestamp(secondsSinceEpoch: 1_794_841_200)  // Monday 2026-11-16 15:00 UTC
    static let btc = Symbol(base: "BTC", quote: "USD")
    static let usd = Currency(code: "USD")

    /// A fresh state file path in a new temporary folder.
    static func statePath() throws -> String {
        let folder = NSTemporaryDirectory() + "trader-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/state.sqlite"
    }

    static func intent(_ number: Int, at time: Timestamp = start) -> IntentRecord {
        IntentRecord(
            clientOrderID: ClientOrderID("order-\(number)"), symbol: btc, side: .buy,
            kind: .limit(price: Price("50000")!, postOnly: true), quantity: Quantity("0.01")!, cycleID: "cycle-\(number)",
            decidedAt: time)
    }

    static func fill(_ tradeID: String, at time: Timestamp = start) -> Fill {
        Fill(tradeID: TradeID(tradeID), price: Price("50000")!, quantity: Quantity("0.01")!, fee: Money(FixedPoint("0.3")!, usd),
             liquidity: .maker, time: time)
    }

    static func audit(_ cycle: String, at time: Timestamp = start, intents: [String] = []) -> AuditRecord {
        AuditRecord(
            cycleID: cycle, at: time, mode: "PAPER", configHash: "abc123", snapshotSummary: "1 symbol, NAV 100000",
            decisions: [.init(symbol: "BTC-USD", outcome: "approved", code: nil, detail: "momentum breakout")], intents: intents,
            latenciesMicroseconds: ["decide": 41, "risk": 25])
    }

    /// The path of a built executable beside the test bundle (or in .build/debug).
    static func executable(_ name: String) -> String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(name).path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return root.path + "/.build/debug/" + name
    }

    /// A new state file migrated only up to `version`, holding the filled order `order-1` (50,000 ×
    /// 0.01 BTC-USD, post-only) as that version stored it, and what `more` inserts; closed.
    static func legacyStatePath(upTo version: String, more: String = "") throws -> String {
        let path = try statePath()
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: version)
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO orders (client_order_id, symbol, side, kind, limit_price_e8, post_only, quantity_e8, cycle_id,
                        decided_at_ns, status, venue_order_id, updated_at_ns)
                    VALUES ('order-1', 'BTC-USD', 'BUY', 'limit', 5000000000000, 1, 1000000, 'cycle-1', 1, 'filled', 'v-1', 2);
                    """ + more)
        }
        try queue.close()
        return path
    }
}
