import GRDB
import TraderCore

/// Runs of the bot on one state file, each with an epoch that goes into every client order id it
/// makes: ids stay unique across restarts, a restore from an older snapshot, and fresh stores.
extension StateStore {
    /// Starts a run at `time` and returns its epoch: the Unix second of `time`, or one above the
    /// last run's epoch when that is not below it (a clock stepped back, two starts in a second).
    /// A fresh store's first epoch is the start time itself, so it cannot meet the ids of a run
    /// on an earlier store unless the clock went backwards across stores.
    ///
    /// - Throws: ``StoreError``.
    public func beginRun(at time: Timestamp) throws(StoreError) -> Int64 {
        try write { db in try Self.beginRun(at: time, in: db) }
    }

    /// ``beginRun(at:)`` from async code, off Swift's cooperative pool.
    ///
    /// - Throws: ``StoreError``.
    public func beginRun(at time: Timestamp) async throws(StoreError) -> Int64 {
        try await asyncWrite { db in try Self.beginRun(at: time, in: db) }
    }

    /// The epochs of every run, oldest first.
    ///
    /// - Throws: ``StoreError``.
    public func runEpochs() throws(StoreError) -> [Int64] {
        try read { db in try Int64.fetchAll(db, sql: "SELECT epoch FROM runs ORDER BY epoch") }
    }

    private static func beginRun(at time: Timestamp, in db: Database) throws -> Int64 {
        let last = try Int64.fetchOne(db, sql: "SELECT max(epoch) FROM runs") ?? Int64.min
        let epoch = Swift.max(time.secondsSinceEpoch, last == Int64.min ? Int64.min : last + 1)
        try db.execute(sql: "INSERT INTO runs (epoch, started_at_ns) VALUES (?, ?)", arguments: [epoch, time.nanosecondsSinceEpoch])
        return epoch
    }
}
