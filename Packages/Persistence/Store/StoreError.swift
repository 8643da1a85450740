import TraderCore

/// A state-store failure: typed, with a stable code, never swallowed. The store refuses what it
/// cannot trust (a corrupt file, a newer schema, a second writer) rather than guessing.
public struct StoreError: TraderError, Hashable {
    /// What went wrong; `rawValue` is stable snake_case.
    public enum Code: String, Hashable, Sendable {
        /// Another process holds the state file's lock.
        case locked
        /// The file is not a SQLite database or fails its integrity check.
        case corrupt
        /// The file was written by a newer version of the schema; it is not migrated blindly.
        case newerSchema = "newer_schema"
        /// A record breaks a constraint (an unknown order, a duplicate client order id).
        case constraint
        /// A read or write failed (I/O, permissions, disk full).
        case io
        /// A stored value cannot be read back (an unknown status, a malformed symbol).
        case invalidRecord = "invalid_record"
    }

    /// The code.
    public let code: Code
    /// Details for people: what, and where.
    public let message: String
    /// What failed underneath (SQLite's own message), when something did.
    public let cause: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { standardDescription }
}
