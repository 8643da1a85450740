/*
 * The baseline for the durable-cycle-commit target (issue 4): the same statements StateStore runs
 * for one engine cycle, issued straight through sqlite3's C API with prepared statements, in the
 * same journal mode (WAL, synchronous=FULL, foreign keys on), on the same tables (the columns and
 * constraints of Packages/Persistence/Schema/StoreSchema.swift that these statements touch).
 *
 * One cycle is two transactions, as in the engine: the order intent, committed before sending;
 * then the outcome: an audit record, three order steps (update + event each), a fill and a ledger
 * entry.
 *
 * Build and run: Benchmarks/sqlite-baseline/run
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CHECK(call) do { int rc_ = (call); if (rc_ != SQLITE_OK && rc_ != SQLITE_DONE && rc_ != SQLITE_ROW) { \
    fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, sqlite3_errmsg(db)); exit(1); } } while (0)

static sqlite3 *db;

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void run(sqlite3_stmt *statement) {
    CHECK(sqlite3_step(statement));
    CHECK(sqlite3_reset(statement));
}

static const char *schema =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
    "CREATE TABLE orders (client_order_id TEXT PRIMARY KEY NOT NULL, symbol TEXT NOT NULL,"
    " side TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')), kind TEXT NOT NULL CHECK (kind IN ('limit', 'market')),"
    " limit_price_e8 INTEGER, post_only INTEGER NOT NULL, quantity_e8 INTEGER NOT NULL CHECK (quantity_e8 > 0),"
    " cycle_id TEXT NOT NULL, decided_at_ns INTEGER NOT NULL, status TEXT NOT NULL, venue_order_id TEXT,"
    " updated_at_ns INTEGER NOT NULL) STRICT;"
    "CREATE INDEX orders_by_status ON orders(status);"
    "CREATE TABLE order_events (id INTEGER PRIMARY KEY, client_order_id TEXT NOT NULL REFERENCES orders(client_order_id),"
    " at_ns INTEGER NOT NULL, from_status TEXT NOT NULL, to_status TEXT NOT NULL, event TEXT NOT NULL, reason TEXT) STRICT;"
    "CREATE INDEX order_events_by_order ON order_events(client_order_id);"
    "CREATE TABLE fills (trade_id TEXT PRIMARY KEY NOT NULL, client_order_id TEXT NOT NULL REFERENCES orders(client_order_id),"
    " price_e8 INTEGER NOT NULL, quantity_e8 INTEGER NOT NULL, fee_e8 INTEGER NOT NULL, fee_currency TEXT NOT NULL,"
    " liquidity TEXT NOT NULL, at_ns INTEGER NOT NULL) STRICT;"
    "CREATE INDEX fills_by_time ON fills(at_ns);"
    "CREATE TABLE realized_ledger (id INTEGER PRIMARY KEY, at_ns INTEGER NOT NULL, symbol TEXT NOT NULL,"
    " amount_e8 INTEGER NOT NULL) STRICT;"
    "CREATE INDEX realized_ledger_by_time ON realized_ledger(at_ns);"
    "CREATE TABLE audit_log (id INTEGER PRIMARY KEY, cycle_id TEXT NOT NULL UNIQUE, at_ns INTEGER NOT NULL,"
    " mode TEXT NOT NULL, config_hash TEXT NOT NULL, record_json TEXT NOT NULL) STRICT;"
    "CREATE INDEX audit_log_by_time ON audit_log(at_ns);";

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: cycle_commits STATE_FILE CYCLES\n"); return 2; }
    int cycles = atoi(argv[2]);
    remove(argv[1]);
    if (sqlite3_open(argv[1], &db) != SQLITE_OK) { fprintf(stderr, "cannot open %s\n", argv[1]); return 2; }
    CHECK(sqlite3_exec(db, schema, NULL, NULL, NULL));
    sqlite3_stmt *begin, *commit, *intent, *audit, *update, *event, *fill, *ledger;
    CHECK(sqlite3_prepare_v2(db, "BEGIN IMMEDIATE", -1, &begin, NULL));
    CHECK(sqlite3_prepare_v2(db, "COMMIT", -1, &commit, NULL));
    CHECK(sqlite3_prepare_v2(db, "INSERT INTO orders (client_order_id, symbol, side, kind, limit_price_e8, post_only,"
        " quantity_e8, cycle_id, decided_at_ns, status, updated_at_ns) VALUES (?, 'BTC-USD', 'BUY', 'limit', 5000000000000,"
        " 1, 1000000, ?, ?, 'new', ?)", -1, &intent, NULL));
    CHECK(sqlite3_prepare_v2(db, "INSERT INTO audit_log (cycle_id, at_ns, mode, config_hash, record_json) VALUES (?, ?, 'PAPER',"
        " 'abc123', ?)", -1, &audit, NULL));
    CHECK(sqlite3_prepare_v2(db, "UPDATE orders SET status = ?, venue_order_id = coalesce(?, venue_order_id), updated_at_ns = ?"
        " WHERE client_order_id = ?", -1, &update, NULL));
    CHECK(sqlite3_prepare_v2(db, "INSERT INTO order_events (client_order_id, at_ns, from_status, to_status, event, reason)"
        " VALUES (?, ?, ?, ?, ?, NULL)", -1, &event, NULL));
    CHECK(sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO fills (trade_id, client_order_id, price_e8, quantity_e8, fee_e8,"
        " fee_currency, liquidity, at_ns) VALUES (?, ?, 5000000000000, 1000000, 30000000, 'USD', 'MAKER', ?)", -1, &fill, NULL));
    CHECK(sqlite3_prepare_v2(db, "INSERT INTO realized_ledger (at_ns, symbol, amount_e8) VALUES (?, 'BTC-USD', -100000000)",
        -1, &ledger, NULL));
    const char *steps[3][3] = {{"new", "submitted", "submit"}, {"submitted", "open", "accept"}, {"open", "filled", "fill"}};
    char id[64], cycle[64], trade[64], venue[64], json[512];
    struct timespec start, end;
    /* Each transaction's time, the intent's and the outcome's, for the percentiles. */
    double *transactions = malloc(sizeof(double) * 2 * cycles);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < cycles; i++) {
        long long at = 1794841200000000000LL + (long long)i * 1000000000LL;
        snprintf(id, sizeof id, "order-%d", i);
        snprintf(cycle, sizeof cycle, "cycle-%d", i);
        snprintf(trade, sizeof trade, "trade-%d", i);
        snprintf(venue, sizeof venue, "venue-%d", i);
        /* The same audit JSON StateStore writes for the benchmark's record. */
        snprintf(json, sizeof json, "{\"at\":%lld,\"config_hash\":\"abc123\",\"cycle_id\":\"%s\",\"decisions\":[{\"code\":null,"
            "\"detail\":\"momentum breakout\",\"outcome\":\"approved\",\"symbol\":\"BTC-USD\"}],\"intents\":[\"%s\"],"
            "\"latencies_us\":{\"decide\":41,\"risk\":25},\"mode\":\"PAPER\",\"snapshot_summary\":\"1 symbol, NAV 100000\"}",
            at, cycle, id);
        double began = now_us();
        run(begin);
        sqlite3_bind_text(intent, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(intent, 2, cycle, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(intent, 3, at);
        sqlite3_bind_int64(intent, 4, at);
        run(intent);
        run(commit);
        transactions[2 * i] = now_us() - began;
        began = now_us();
        run(begin);
        sqlite3_bind_text(audit, 1, cycle, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(audit, 2, at);
        sqlite3_bind_text(audit, 3, json, -1, SQLITE_TRANSIENT);
        run(audit);
        for (int s = 0; s < 3; s++) {
            sqlite3_bind_text(update, 1, steps[s][1], -1, SQLITE_STATIC);
            if (s == 1) sqlite3_bind_text(update, 2, venue, -1, SQLITE_TRANSIENT); else sqlite3_bind_null(update, 2);
            sqlite3_bind_int64(update, 3, at);
            sqlite3_bind_text(update, 4, id, -1, SQLITE_TRANSIENT);
            run(update);
            sqlite3_bind_text(event, 1, id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int64(event, 2, at);
            sqlite3_bind_text(event, 3, steps[s][0], -1, SQLITE_STATIC);
            sqlite3_bind_text(event, 4, steps[s][1], -1, SQLITE_STATIC);
            sqlite3_bind_text(event, 5, steps[s][2], -1, SQLITE_STATIC);
            run(event);
        }
        sqlite3_bind_text(fill, 1, trade, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(fill, 2, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(fill, 3, at);
        run(fill);
        sqlite3_bind_int64(ledger, 1, at);
        run(ledger);
        run(commit);
        transactions[2 * i + 1] = now_us() - began;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    printf("sqlite3 C loop: %d cycles in %.3f s: %.0f cycles/s, %.1f us per cycle\n", cycles, seconds, cycles / seconds,
        seconds / cycles * 1e6);
    qsort(transactions, 2 * cycles, sizeof(double), by_value);
    printf("one durable transaction: p50 %.0f us, p99 %.0f us, max %.0f us\n", transactions[cycles], transactions[2 * cycles * 99 / 100],
        transactions[2 * cycles - 1]);
    free(transactions);
    sqlite3_close(db);
    return 0;
}
