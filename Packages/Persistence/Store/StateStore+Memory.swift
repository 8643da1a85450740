import Foundation
import GRDB
import TraderCore

/// What the risk layer and the signals remember between runs: trade times, cooldowns, equity
/// anchors and debounce state, plus the realized ledger and the trade log.
extension StateStore {
    /// Records a trade sent at `time` (for pacing).
    ///
    /// - Throws: ``StoreError``.
    public func recordTradeTime(_ time: Timestamp) throws(StoreError) {
        try write { db in try db.execute(sql: "INSERT INTO pacing_trades (at_ns) VALUES (?)", arguments: [time.nanosecondsSinceEpoch]) }
    }

    /// Trade times at or after `time`, oldest first.
    ///
    /// - Throws: ``StoreError``.
    public func tradeTimes(since time: Timestamp) throws(StoreError) -> [Timestamp] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT at_ns FROM pacing_trades WHERE at_ns >= ? ORDER BY at_ns", arguments: [time.nanosecondsSinceEpoch])
                .map(Timestamp.init(nanosecondsSinceEpoch:))
        }
    }

    /// Sets `symbol`'s cooldown to end at `until` (a later end wins over an earlier one).
    ///
    /// - Throws: ``StoreError``.
    public func setCooldown(_ symbol: Symbol, until: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO cooldowns (symbol, until_ns) VALUES (?, ?)
                    ON CONFLICT (symbol) DO UPDATE SET until_ns = max(until_ns, excluded.until_ns)
                    """, arguments: [symbol.description, until.nanosecondsSinceEpoch])
        }
    }

    /// Cooldowns still running at `time`.
    ///
    /// - Throws: ``StoreError``.
    public func cooldowns(activeAt time: Timestamp) throws(StoreError) -> [Symbol: Timestamp] {
        try untilBySymbol(
            sql: "SELECT symbol, until_ns FROM cooldowns WHERE until_ns > ?", arguments: [time.nanosecondsSinceEpoch], what: "cooldown")
    }

    /// Saves a signal's debounce for `symbol`: it stays quiet until `until`.
    ///
    /// - Throws: ``StoreError``.
    public func setDebounce(signal: String, symbol: Symbol, until: Timestamp) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO signal_debounce (signal, symbol, until_ns) VALUES (?, ?, ?)",
                arguments: [signal, symbol.description, until.nanosecondsSinceEpoch])
        }
    }

    /// A signal's saved debounce ends, by symbol.
    ///
    /// - Throws: ``StoreError``.
    public func debounces(signal: String) throws(StoreError) -> [Symbol: Timestamp] {
        try untilBySymbol(
            sql: "SELECT symbol, until_ns FROM signal_debounce WHERE signal = ?", arguments: [signal], what: "debounce")
    }

    /// Rows of `symbol` and `until_ns` as a map; a row whose symbol cannot be read is an error.
    private func untilBySymbol(sql: String, arguments: StatementArguments, what: String) throws(StoreError) -> [Symbol: Timestamp] {
        try read { db in
            var result: [Symbol: Timestamp] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                guard let symbol = Symbol(canonical: row["symbol"]) else {
                    throw StoreError(.invalidRecord, "\(what) for \"\(row["symbol"] as String)\" is not a symbol")
                }
                result[symbol] = Timestamp(nanosecondsSinceEpoch: row["until_ns"])
            }
            return result
        }
    }

    /// The kinds of equity anchor.
    public enum AnchorKind: String, Sendable {
        /// NAV at a calendar day's first observation.
        case day
        /// NAV at a calendar week's first observation.
        case week
        /// The peak NAV (period 0).
        case peak
    }

    /// Saves an equity anchor; the first one saved for a day or week stays, the peak only rises.
    ///
    /// - Throws: ``StoreError``.
    public func saveAnchor(_ kind: AnchorKind, period: Int, nav: FixedPoint) throws(StoreError) {
        try write { db in
            let update = kind == .peak ? "DO UPDATE SET nav_e8 = max(nav_e8, excluded.nav_e8)" : "DO NOTHING"
            try db.execute(
                sql: "INSERT INTO equity_anchors (kind, period, nav_e8) VALUES (?, ?, ?) ON CONFLICT (kind, period) \(update)",
                arguments: [kind.rawValue, period, nav.raw])
        }
    }

    /// The anchor saved for `kind` and `period`.
    ///
    /// - Throws: ``StoreError``.
    public func anchor(_ kind: AnchorKind, period: Int) throws(StoreError) -> FixedPoint? {
        try read { db in
            try Int64.fetchOne(db, sql: "SELECT nav_e8 FROM equity_anchors WHERE kind = ? AND period = ?", arguments: [kind.rawValue, period])
                .map(FixedPoint.init(raw:))
        }
    }

    /// Realized PnL from `start` (inclusive) to `end` (exclusive), oldest first.
    ///
    /// - Throws: ``StoreError``.
    public func realized(from start: Timestamp, to end: Timestamp) throws(StoreError) -> [RealizedPnLRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM realized_ledger WHERE at_ns >= ? AND at_ns < ? ORDER BY at_ns, id",
                arguments: [start.nanosecondsSinceEpoch, end.nanosecondsSinceEpoch]
            ).map { row in
                guard let symbol = Symbol(canonical: row["symbol"]) else {
                    throw StoreError(.invalidRecord, "ledger entry for \"\(row["symbol"] as String)\" is not a symbol")
                }
                return RealizedPnLRecord(
                    at: Timestamp(nanosecondsSinceEpoch: row["at_ns"]), symbol: symbol, amount: FixedPoint(raw: row["amount_e8"]))
            }
        }
    }

    /// Realized PnL summed by calendar day in `timeZone` (`2026-11-16`), days in order.
    ///
    /// - Throws: ``StoreError``, `io` when a day's sum leaves the fixed-point range.
    public func realizedByDay(from start: Timestamp, to end: Timestamp, timeZone: TimeZone) throws(StoreError) -> [(day: String, amount: FixedPoint)] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var days: [(day: String, amount: FixedPoint)] = []
        for entry in try realized(from: start, to: end) {
            let date = Date(timeIntervalSince1970: TimeInterval(entry.at.nanosecondsSinceEpoch) / 1e9)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let day = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            if days.last?.day == day {
                guard let sum = try? days[days.count - 1].amount.adding(entry.amount) else {
                    throw StoreError(.io, "realized PnL of \(day) leaves the fixed-point range")
                }
                days[days.count - 1].amount = sum
            } else {
                days.append((day, entry.amount))
            }
        }
        return days
    }

    /// Appends a finished round trip to the trade log.
    ///
    /// - Throws: ``StoreError``.
    public func recordTrade(_ trade: TradeRecord) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO trade_log (symbol, signal, regime, tier, quantity_e8, entry_at_ns, entry_price_e8, exit_at_ns,
                        exit_price_e8, fees_e8, slippage_e8, edge_e8, nav_before_e8, nav_after_e8)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    trade.symbol.description, trade.signal, trade.regime, trade.tier, trade.quantity.value.raw,
                    trade.entryAt.nanosecondsSinceEpoch, trade.entryPrice.value.raw, trade.exitAt.nanosecondsSinceEpoch,
                    trade.exitPrice.value.raw, trade.fees.raw, trade.slippage.raw, trade.edge.raw, trade.navBefore.raw,
                    trade.navAfter.raw,
                ])
        }
    }

    /// Round trips that exited from `start` (inclusive) to `end` (exclusive), in exit order.
    ///
    /// - Throws: ``StoreError``.
    public func trades(from start: Timestamp, to end: Timestamp) throws(StoreError) -> [TradeRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM trade_log WHERE exit_at_ns >= ? AND exit_at_ns < ? ORDER BY exit_at_ns, id",
                arguments: [start.nanosecondsSinceEpoch, end.nanosecondsSinceEpoch]
            ).map { row in
                guard let symbol = Symbol(canonical: row["symbol"]), (row["quantity_e8"] as Int64) >= 0 else {
                    throw StoreError(.invalidRecord, "trade log row \(row["id"] as Int64) cannot be read back")
                }
                return TradeRecord(
                    symbol: symbol, signal: row["signal"], regime: row["regime"], tier: row["tier"],
                    quantity: Quantity(FixedPoint(raw: row["quantity_e8"])), entryAt: Timestamp(nanosecondsSinceEpoch: row["entry_at_ns"]),
                    entryPrice: Price(FixedPoint(raw: row["entry_price_e8"])), exitAt: Timestamp(nanosecondsSinceEpoch: row["exit_at_ns"]),
                    exitPrice: Price(FixedPoint(raw: row["exit_price_e8"])), fees: FixedPoint(raw: row["fees_e8"]),
                    slippage: FixedPoint(raw: row["slippage_e8"]), edge: FixedPoint(raw: row["edge_e8"]),
                    navBefore: FixedPoint(raw: row["nav_before_e8"]), navAfter: FixedPoint(raw: row["nav_after_e8"]))
            }
        }
    }

    /// Audit records from `start` (inclusive) to `end` (exclusive), in cycle order.
    ///
    /// - Throws: ``StoreError``.
    public func auditRecords(from start: Timestamp, to end: Timestamp) throws(StoreError) -> [AuditRecord] {
        try auditTexts(from: start, to: end).map { (text) throws(StoreError) in try Self.auditRecord(text) }
    }

    /// Writes the audit log from `start` to `end` as JSON lines (one record per line, keys sorted)
    /// to `path`, replacing it; returns the number of records.
    ///
    /// - Throws: ``StoreError`` `io` when the file cannot be written.
    @discardableResult
    public func exportAudit(from start: Timestamp, to end: Timestamp, toPath path: String) throws(StoreError) -> Int {
        let texts = try auditTexts(from: start, to: end)
        let body = texts.isEmpty ? "" : texts.joined(separator: "\n") + "\n"
        do {
            try body.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw StoreError(.io, "cannot write the audit export \(path): \(error.localizedDescription)")
        }
        return texts.count
    }

    /// The stored JSON of the audit records from `start` (inclusive) to `end` (exclusive), in order.
    private func auditTexts(from start: Timestamp, to end: Timestamp) throws(StoreError) -> [String] {
        try read { db in try Self.auditTexts(from: start, to: end, in: db) }
    }

    /// ``auditTexts(from:to:)`` read in `db`.
    static func auditTexts(from start: Timestamp, to end: Timestamp, in db: Database) throws -> [String] {
        try String.fetchAll(
            db, sql: "SELECT record_json FROM audit_log WHERE at_ns >= ? AND at_ns < ? ORDER BY id",
            arguments: [start.nanosecondsSinceEpoch, end.nanosecondsSinceEpoch])
    }

    /// An audit record's stored JSON, decoded.
    static func auditRecord(_ text: String) throws(StoreError) -> AuditRecord {
        do {
            return try JSONDecoder().decode(AuditRecord.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.invalidRecord, "an audit record cannot be read back: \(error)")
        }
    }
}
