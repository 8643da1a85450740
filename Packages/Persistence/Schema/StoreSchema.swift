import GRDB

/// The state file's schema as versioned migrations. Amounts are exact: `INTEGER` counts of 10⁻⁸
/// (columns end in `_e8`); times are `INTEGER` nanoseconds since the epoch (columns end in `_ns`).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE orders (
                        client_order_id TEXT PRIMARY KEY NOT NULL,
                        symbol TEXT NOT NULL,
                        side TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
                        kind TEXT NOT NULL CHECK (kind IN ('limit', 'market')),
                        limit_price_e8 INTEGER,
                        post_only INTEGER NOT NULL,
                        quantity_e8 INTEGER NOT NULL CHECK (quantity_e8 > 0),
                        cycle_id TEXT NOT NULL,
                        decided_at_ns INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        venue_order_id TEXT,
                        updated_at_ns INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX orders_by_status ON orders(status);
                    CREATE TABLE order_events (
                        id INTEGER PRIMARY KEY,
                        client_order_id TEXT NOT NULL REFERENCES orders(client_order_id),
                        at_ns INTEGER NOT NULL,
                        from_status TEXT NOT NULL,
                        to_status TEXT NOT NULL,
                        event TEXT NOT NULL,
                        reason TEXT
                    ) STRICT;
                    CREATE INDEX order_events_by_order ON order_events(client_order_id);
                    CREATE TABLE fills (
                        trade_id TEXT PRIMARY KEY NOT NULL,
                        client_order_id TEXT NOT NULL REFERENCES orders(client_order_id),
                        price_e8 INTEGER NOT NULL,
                        quantity_e8 INTEGER NOT NULL,
                        fee_e8 INTEGER NOT NULL,
                        fee_currency TEXT NOT NULL,
                        liquidity TEXT NOT NULL,
                        at_ns INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX fills_by_time ON fills(at_ns);
                    CREATE TABLE positions (
                        symbol TEXT PRIMARY KEY NOT NULL,
                        quantity_e8 INTEGER NOT NULL,
                        cost_basis_e8 INTEGER NOT NULL,
                        realized_pnl_e8 INTEGER NOT NULL,
                        fees_paid_e8 INTEGER NOT NULL,
                        updated_at_ns INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE balance_snapshots (
                        id INTEGER PRIMARY KEY,
                        at_ns INTEGER NOT NULL,
                        currency TEXT NOT NULL,
                        available_e8 INTEGER NOT NULL,
                        on_hold_e8 INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE realized_ledger (
                        id INTEGER PRIMARY KEY,
                        at_ns INTEGER NOT NULL,
                        symbol TEXT NOT NULL,
                        amount_e8 INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX realized_ledger_by_time ON realized_ledger(at_ns);
                    CREATE TABLE cooldowns (
                        symbol TEXT PRIMARY KEY NOT NULL,
                        until_ns INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE pacing_trades (
                        id INTEGER PRIMARY KEY,
                        at_ns INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE signal_debounce (
                        signal TEXT NOT NULL,
                        symbol TEXT NOT NULL,
                        until_ns INTEGER NOT NULL,
                        PRIMARY KEY (signal, symbol)
                    ) STRICT;
                    CREATE TABLE equity_anchors (
                        kind TEXT NOT NULL CHECK (kind IN ('day', 'week', 'peak')),
                        period INTEGER NOT NULL,
                        nav_e8 INTEGER NOT NULL,
                        PRIMARY KEY (kind, period)
                    ) STRICT;
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY,
                        cycle_id TEXT NOT NULL UNIQUE,
                        at_ns INTEGER NOT NULL,
                        mode TEXT NOT NULL,
                        config_hash TEXT NOT NULL,
                        record_json TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX audit_log_by_time ON audit_log(at_ns);
                    CREATE TABLE trade_log (
                        id INTEGER PRIMARY KEY,
                        symbol TEXT NOT NULL,
                        signal TEXT NOT NULL,
                        regime TEXT NOT NULL,
                        tier TEXT,
                        quantity_e8 INTEGER NOT NULL,
                        entry_at_ns INTEGER NOT NULL,
                        entry_price_e8 INTEGER NOT NULL,
                        exit_at_ns INTEGER NOT NULL,
                        exit_price_e8 INTEGER NOT NULL,
                        fees_e8 INTEGER NOT NULL,
                        slippage_e8 INTEGER NOT NULL,
                        edge_e8 INTEGER NOT NULL,
                        nav_before_e8 INTEGER NOT NULL,
                        nav_after_e8 INTEGER NOT NULL
                    ) STRICT;
                    CREATE INDEX trade_log_by_exit ON trade_log(exit_at_ns);
                    """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE engine_snapshots (
                        cycle INTEGER PRIMARY KEY NOT NULL,
                        at_ns INTEGER NOT NULL,
                        format INTEGER NOT NULL,
                        payload BLOB NOT NULL
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(
                sql: """
                    CREATE TABLE runs (
                        epoch INTEGER PRIMARY KEY NOT NULL,
                        started_at_ns INTEGER NOT NULL
                    ) STRICT;
                    """)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(
                sql: """
                    ALTER TABLE orders ADD COLUMN time_in_force TEXT NOT NULL DEFAULT 'GTC'
                        CHECK (time_in_force IN ('GTC', 'GTD', 'IOC', 'DAY'));
                    ALTER TABLE orders ADD COLUMN good_till_ns INTEGER;
                    ALTER TABLE orders ADD COLUMN option_contract_json TEXT;
                    """)
        }
        migrator.registerMigration("v5") { db in
            try db.execute(
                sql: """
                    CREATE TABLE venue_order_ids (
                        venue TEXT PRIMARY KEY NOT NULL,
                        next_id INTEGER NOT NULL
                    ) STRICT;
                    """)
        }
        // Stop orders: `kind` admits 'stop', whose trigger is `stop_price_e8`. SQLite cannot change
        // a CHECK in place, so the table is rebuilt (SQLite's documented procedure; GRDB turns the
        // foreign keys off for the migration and checks them all before it commits).
        migrator.registerMigration("v6") { db in
            try db.execute(
                sql: """
                    CREATE TABLE orders_v6 (
                        client_order_id TEXT PRIMARY KEY NOT NULL,
                        symbol TEXT NOT NULL,
                        side TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),
                        kind TEXT NOT NULL CHECK (kind IN ('limit', 'market', 'stop')),
                        limit_price_e8 INTEGER,
                        post_only INTEGER NOT NULL,
                        quantity_e8 INTEGER NOT NULL CHECK (quantity_e8 > 0),
                        cycle_id TEXT NOT NULL,
                        decided_at_ns INTEGER NOT NULL,
                        status TEXT NOT NULL,
                        venue_order_id TEXT,
                        updated_at_ns INTEGER NOT NULL,
                        time_in_force TEXT NOT NULL DEFAULT 'GTC' CHECK (time_in_force IN ('GTC', 'GTD', 'IOC', 'DAY')),
                        good_till_ns INTEGER,
                        option_contract_json TEXT,
                        stop_price_e8 INTEGER,
                        CHECK ((kind = 'stop') = (stop_price_e8 IS NOT NULL))
                    ) STRICT;
                    INSERT INTO orders_v6 (client_order_id, symbol, side, kind, limit_price_e8, post_only, quantity_e8, cycle_id,
                        decided_at_ns, status, venue_order_id, updated_at_ns, time_in_force, good_till_ns, option_contract_json)
                    SELECT client_order_id, symbol, side, kind, limit_price_e8, post_only, quantity_e8, cycle_id,
                        decided_at_ns, status, venue_order_id, updated_at_ns, time_in_force, good_till_ns, option_contract_json
                    FROM orders;
                    DROP TABLE orders;
                    ALTER TABLE orders_v6 RENAME TO orders;
                    CREATE INDEX orders_by_status ON orders(status);
                    """)
        }
        // What reports read of a live run: each order's origin (the signal, regime and decision
        // mid it was decided for; absent for orders stored before), the NAV of every cycle, and
        // the option positions expiries closed.
        migrator.registerMigration("v7") { db in
            try db.execute(
                sql: """
                    ALTER TABLE orders ADD COLUMN signal TEXT;
                    ALTER TABLE orders ADD COLUMN regime TEXT;
                    ALTER TABLE orders ADD COLUMN decision_mid_e8 INTEGER CHECK ((signal IS NULL) = (decision_mid_e8 IS NULL));
                    CREATE TABLE equity_curve (
                        id INTEGER PRIMARY KEY,
                        at_ns INTEGER NOT NULL,
                        nav_e8 INTEGER NOT NULL,
                        exposed INTEGER NOT NULL CHECK (exposed IN (0, 1)),
                        exposures_json TEXT NOT NULL
                    ) STRICT;
                    CREATE INDEX equity_curve_by_time ON equity_curve(at_ns);
                    CREATE TABLE option_expiries (
                        id INTEGER PRIMARY KEY,
                        at_ns INTEGER NOT NULL,
                        option_contract_json TEXT NOT NULL,
                        quantity_e8 INTEGER NOT NULL CHECK (quantity_e8 > 0),
                        intrinsic_value_e8 INTEGER NOT NULL CHECK (intrinsic_value_e8 >= 0)
                    ) STRICT;
                    """)
        }
        return migrator
    }
}
