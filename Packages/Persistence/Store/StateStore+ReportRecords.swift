import Foundation
import GRDB
import TraderCore

extension StateStore {
    /// The run's history as of the last commit, read in one transaction, so that a node writing
    /// meanwhile never shows a report a fill without its order.
    ///
    /// - Throws: ``StoreError`` (`invalid_record` for a row that cannot be read back).
    public func runHistory() throws(StoreError) -> StoredRunHistory {
        let (history, auditTexts) = try read { db in
            let orders = try Row.fetchAll(db, sql: "SELECT * FROM orders ORDER BY decided_at_ns, client_order_id").map(StoredOrder.init(row:))
            let equity = try Row.fetchAll(db, sql: "SELECT * FROM equity_curve ORDER BY id").map(Self.equityRecord)
            let history = StoredRunHistory(
                orders: orders, fills: try Self.fills(since: Timestamp(nanosecondsSinceEpoch: .min), in: db), audit: [], equity: equity,
                optionExpiries: try Self.optionExpiries(in: db))
            let texts = try Self.auditTexts(from: Timestamp(nanosecondsSinceEpoch: .min), to: Timestamp(nanosecondsSinceEpoch: .max), in: db)
            return (history, texts)
        }
        return StoredRunHistory(
            orders: history.orders, fills: history.fills, audit: try auditTexts.map { (text) throws(StoreError) in try Self.auditRecord(text) },
            equity: history.equity, optionExpiries: history.optionExpiries)
    }

    private static func equityRecord(_ row: Row) throws -> EquityRecord {
        let id: Int64 = row["id"]
        guard let texts = try? JSONDecoder().decode([String: String].self, from: Data((row["exposures_json"] as String).utf8)) else {
            throw StoreError(.invalidRecord, "equity point \(id) has exposures that cannot be read back")
        }
        let exposures = try texts.mapValues { text in
            guard let value = FixedPoint(text) else { throw StoreError(.invalidRecord, "equity point \(id) has an exposure that cannot be read back") }
            return value
        }
        return EquityRecord(
            at: Timestamp(nanosecondsSinceEpoch: row["at_ns"]), nav: FixedPoint(raw: row["nav_e8"]), exposed: row["exposed"], exposures: exposures)
    }

    private static func optionExpiries(in db: Database) throws -> [OptionExpiryRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM option_expiries ORDER BY at_ns, id").map { row in
            guard let contract = try? JSONDecoder().decode(OptionContract.self, from: Data((row["option_contract_json"] as String).utf8)) else {
                throw StoreError(.invalidRecord, "option expiry \(row["id"] as Int64) has a contract that cannot be read back")
            }
            return OptionExpiryRecord(
                at: Timestamp(nanosecondsSinceEpoch: row["at_ns"]), contract: contract, quantity: Quantity(FixedPoint(raw: row["quantity_e8"])),
                intrinsicValue: Price(FixedPoint(raw: row["intrinsic_value_e8"])))
        }
    }
}
