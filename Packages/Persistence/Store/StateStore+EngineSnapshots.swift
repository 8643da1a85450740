import Foundation
import GRDB
import TraderCore

/// The engine's state after a cycle, to restore at the next start.
extension StateStore {
    /// How many snapshots are kept: the latest and the two before it, in case the latest cannot be
    /// read by the version that starts next.
    public static let engineSnapshotsKept = 3

    /// Saves `snapshot` and drops all but the latest ``engineSnapshotsKept``, in one transaction.
    ///
    /// - Throws: ``StoreError`` (`constraint` for a cycle already saved); nothing changes then.
    /// (A cycle's snapshot goes in its ``CycleRecord``, committed with the rest of the cycle.)
    public func saveEngineSnapshot(_ snapshot: EngineSnapshot) throws(StoreError) {
        try write { db in try Self.save(snapshot, in: db) }
    }

    /// Saves `snapshot`; with `replacing`, in place of the one saved for its cycle, if any.
    static func save(_ snapshot: EngineSnapshot, replacing: Bool = false, in db: Database) throws {
        try db.execute(
            sql: "INSERT \(replacing ? "OR REPLACE " : "")INTO engine_snapshots (cycle, at_ns, format, payload) VALUES (?, ?, ?, ?)",
            arguments: [snapshot.cycle, snapshot.time.nanosecondsSinceEpoch, snapshot.format, Data(snapshot.payload)])
        try db.execute(
            sql: "DELETE FROM engine_snapshots WHERE cycle NOT IN (SELECT cycle FROM engine_snapshots ORDER BY cycle DESC LIMIT ?)",
            arguments: [engineSnapshotsKept])
    }

    /// The snapshot of the latest cycle saved, if any.
    ///
    /// - Throws: ``StoreError``.
    public func latestEngineSnapshot() throws(StoreError) -> EngineSnapshot? {
        try read(Self.latestSnapshot)
    }

    /// ``latestEngineSnapshot()`` from async code, off Swift's cooperative pool.
    ///
    /// - Throws: ``StoreError``.
    public func latestEngineSnapshot() async throws(StoreError) -> EngineSnapshot? {
        try await asyncRead(Self.latestSnapshot)
    }

    @Sendable private static func latestSnapshot(_ db: Database) throws -> EngineSnapshot? {
        try Row.fetchOne(db, sql: "SELECT cycle, at_ns, format, payload FROM engine_snapshots ORDER BY cycle DESC LIMIT 1").map { row in
            EngineSnapshot(
                cycle: row["cycle"], time: Timestamp(nanosecondsSinceEpoch: row["at_ns"]), format: row["format"],
                payload: [UInt8](row["payload"] as Data))
        }
    }

    /// The cycles of the snapshots kept, oldest first.
    ///
    /// - Throws: ``StoreError``.
    public func engineSnapshotCycles() throws(StoreError) -> [Int] {
        try read { db in try Int.fetchAll(db, sql: "SELECT cycle FROM engine_snapshots ORDER BY cycle") }
    }
}
