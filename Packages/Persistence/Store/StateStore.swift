import Foundation
import GRDB
import Logging
import TraderCore

/// The bot's state in one SQLite file (WAL journal, `synchronous=FULL`, foreign keys on), owned by
/// one process at a time: orders with their full history, fills (a fill seen twice is stored
/// once), the realized-PnL ledger, pacing and cooldown memory, signal debounce state, equity
/// anchors, the audit log and the trade log.
///
/// Every write is one transaction, committed before the call returns: what a call reports written
/// survives a crash of the process at any later instant, and nothing half-written is ever visible.
/// A cycle is one commit (``commitCycle(_:)``), made before any order it decided may be sent.
/// Each call has an async form that runs on the store's own queue, off Swift's cooperative pool.
///
/// Opening refuses what it cannot trust: a file another process holds (``StoreError/Code/locked``),
/// one that is not a database or fails its integrity check (`corrupt`), and one written by a newer
/// schema (`newer_schema`).
public final class StateStore: Sendable {
    /// The state file.
    public let path: String
    let queue: DatabaseQueue
    /// The single-instance lock; `nil` for a store opened only to read.
    private let lock: StateLock?

    /// Where the store reports what it did (opening, migrations); silent unless the caller gives one.
    public let logger: Logger

    /// Opens (creating if needed) the state file at `path`, takes its lock, checks it and applies
    /// any pending migrations, reporting them to `logger`.
    ///
    /// - Throws: ``StoreError``.
    public init(path: String, logger: Logger = Logger(label: "trader.state", factory: { _ in SwiftLogNoOpLogHandler() })) throws(StoreError) {
        self.path = path
        self.logger = logger
        lock = try StateLock(statePath: path)
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.foreignKeysEnabled = true
        configuration.label = "StateStore"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = StoreSchema.migrator
            try queue.writeWithoutTransaction { db in
                // After GRDB's WAL set-up, which chooses NORMAL: FULL syncs the WAL at every commit,
                // so a commit that returned survives power loss too, not only a crash of the process.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "no answer"
                guard check == "ok" else { throw StoreError(.corrupt, "\(path) fails its integrity check: \(check)") }
                let unknown = try migrator.appliedIdentifiers(db).subtracting(migrator.migrations)
                guard unknown.isEmpty else {
                    throw StoreError(
                        .newerSchema,
                        "\(path) has schema migrations this version does not know (\(unknown.sorted().joined(separator: ", "))); "
                            + "use the newer version or a backup")
                }
            }
            let pending = try queue.read { db in try migrator.appliedIdentifiers(db) }
            try migrator.migrate(queue)
            let applied = migrator.migrations.filter { !pending.contains($0) }
            if !applied.isEmpty {
                logger.info("state file migrated", metadata: ["path": "\(path)", "migrations": "\(applied.joined(separator: ","))"])
            }
            logger.debug("state file opened", metadata: ["path": "\(path)", "schema": "\(migrator.migrations.last ?? "none")"])
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Opens the state file at `path` only to read, without its lock, so that it can be read while
    /// the process holding it runs (each read is a consistent snapshot of the last commit). Every
    /// write fails with `io`.
    ///
    /// - Throws: ``StoreError``: `io` when the file does not exist, `corrupt` when it is not a
    ///   state file, `newer_schema` or `io` when its schema is not this version's (open it once
    ///   with the owning process first).
    public init(readingOnly path: String, logger: Logger = Logger(label: "trader.state", factory: { _ in SwiftLogNoOpLogHandler() })) throws(StoreError) {
        self.path = path
        self.logger = logger
        lock = nil
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError(.io, "state file \(path) does not exist") }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "StateStore (read-only)"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = StoreSchema.migrator
            let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
            guard applied == Set(migrator.migrations) else {
                let unknown = applied.subtracting(migrator.migrations)
                throw StoreError(
                    unknown.isEmpty ? .io : .newerSchema,
                    unknown.isEmpty
                        ? "\(path) has schema migrations not yet applied; open it once with trader-live"
                        : "\(path) has schema migrations this version does not know (\(unknown.sorted().joined(separator: ", ")))")
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Runs `body` in one write transaction.
    ///
    /// - Throws: ``StoreError``; the transaction is rolled back.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try mappingErrors { try queue.write(body) }
    }

    /// Runs `body` on a consistent read.
    ///
    /// - Throws: ``StoreError``.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        try mappingErrors { try queue.read(body) }
    }

    /// Runs `body` in one transaction on the store's writer queue, awaiting it without blocking
    /// a thread of Swift's cooperative pool.
    ///
    /// - Throws: ``StoreError``; the transaction is rolled back.
    func asyncWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        try await mappingErrors { try await queue.write(body) }
    }

    /// Runs `body` on a consistent read on the store's queue, as ``asyncWrite(_:)`` does.
    ///
    /// - Throws: ``StoreError``.
    func asyncRead<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        try await mappingErrors { try await queue.read(body) }
    }

    private func mappingErrors<T>(_ access: () async throws -> T) async throws(StoreError) -> T {
        do {
            return try await access()
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    private func mappingErrors<T>(_ access: () throws -> T) throws(StoreError) -> T {
        do {
            return try access()
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// SQLite's `synchronous` setting on the store's connection (2 is FULL).
    func synchronousSetting() throws(StoreError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    /// Audit records as JSON with sorted keys, so that equal records are equal text.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static func storeError(_ error: any Error, path: String) -> StoreError {
        guard let error = error as? DatabaseError else { return StoreError(.io, "\(path): \(error)") }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return StoreError(.corrupt, "\(path) is not a readable state file: \(error.message ?? "\(error)")")
        case .SQLITE_CONSTRAINT: return StoreError(.constraint, "\(path): \(error.message ?? "\(error)")")
        default: return StoreError(.io, "\(path): \(error.message ?? "\(error)")")
        }
    }
}
