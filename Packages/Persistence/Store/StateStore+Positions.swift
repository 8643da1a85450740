import GRDB
import TraderCore

/// Positions as the bot's own accounting holds them, and the balances the venue reported: both are
/// written by ``StateStore/commitCycle(_:)`` in the same transaction as the fills behind them, so
/// after a crash they always agree with the fills stored.
extension StateStore {
    /// Every position saved, by symbol (flat ones included).
    ///
    /// - Throws: ``StoreError`` `invalid_record` for a row that is not a valid position.
    public func positions() throws(StoreError) -> [Symbol: Position] {
        try read { db in
            var positions: [Symbol: Position] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM positions") {
                let text: String = row["symbol"]
                let quantity: Int64 = row["quantity_e8"]
                let costBasis: Int64 = row["cost_basis_e8"]
                let fees: Int64 = row["fees_paid_e8"]
                guard let symbol = Symbol(canonical: text), quantity >= 0, costBasis >= 0, fees >= 0, quantity > 0 || costBasis == 0
                else {
                    throw StoreError(.invalidRecord, "position \"\(text)\" is not valid (quantity, cost basis and fees must not be negative)")
                }
                positions[symbol] = Position(
                    symbol: symbol, quantity: Quantity(FixedPoint(raw: quantity)), costBasis: FixedPoint(raw: costBasis),
                    realizedPnL: FixedPoint(raw: row["realized_pnl_e8"]), feesPaid: FixedPoint(raw: fees))
            }
            return positions
        }
    }

    /// The latest balance snapshot taken at or before `time`; `nil` when there is none.
    ///
    /// - Throws: ``StoreError`` `invalid_record` for a row whose currency cannot be read.
    public func balances(asOf time: Timestamp) throws(StoreError) -> BalanceSnapshot? {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM balance_snapshots
                    WHERE at_ns = (SELECT max(at_ns) FROM balance_snapshots WHERE at_ns <= ?)
                    ORDER BY currency
                    """, arguments: [time.nanosecondsSinceEpoch])
            guard let first = rows.first else { return nil }
            let balances = try rows.map { row in
                guard let currency = Currency(row["currency"] as String) else {
                    throw StoreError(.invalidRecord, "balance in \"\(row["currency"] as String)\" is not a currency")
                }
                return Balance(currency: currency, available: FixedPoint(raw: row["available_e8"]), hold: FixedPoint(raw: row["on_hold_e8"]))
            }
            return BalanceSnapshot(at: Timestamp(nanosecondsSinceEpoch: first["at_ns"]), balances: balances)
        }
    }

    /// Upserts `positions` and appends `balances` as the snapshot at `time`, inside the caller's
    /// transaction.
    static func save(_ positions: [Position], balances: [Balance], at time: Timestamp, in db: Database) throws {
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO positions (symbol, quantity_e8, cost_basis_e8, realized_pnl_e8, fees_paid_e8, updated_at_ns)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (symbol) DO UPDATE SET
                    quantity_e8 = excluded.quantity_e8, cost_basis_e8 = excluded.cost_basis_e8,
                    realized_pnl_e8 = excluded.realized_pnl_e8, fees_paid_e8 = excluded.fees_paid_e8,
                    updated_at_ns = excluded.updated_at_ns
                """)
        for position in positions {
            try upsert.execute(arguments: [
                position.symbol.description, position.quantity.value.raw, position.costBasis.raw, position.realizedPnL.raw,
                position.feesPaid.raw, time.nanosecondsSinceEpoch,
            ])
        }
        let insertBalance = try db.cachedStatement(
            sql: "INSERT INTO balance_snapshots (at_ns, currency, available_e8, on_hold_e8) VALUES (?, ?, ?, ?)")
        for balance in balances {
            try insertBalance.execute(arguments: [time.nanosecondsSinceEpoch, balance.currency.code, balance.available.raw, balance.hold.raw])
        }
    }
}
