import Logging
import Synchronization

/// A log handler that keeps every entry, for tests that a library reports through the `Logger`
/// it was given.
public struct RecordingLogHandler: LogHandler {
    /// One entry: its level, message and metadata.
    public struct Entry: Sendable, Equatable {
        public let level: Logger.Level
        public let message: String
        public let metadata: [String: String]
    }

    /// The entries, shared by every copy of the handler.
    public final class Store: Sendable {
        private let entries = Mutex<[Entry]>([])
        /// Every entry so far, oldest first.
        public var all: [Entry] { entries.withLock { $0 } }
        func append(_ entry: Entry) { entries.withLock { $0.append(entry) } }
    }

    /// Where the entries go.
    public let store: Store
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .trace

    /// A handler recording into `store`.
    public init(store: Store) {
        self.store = store
    }

    /// A logger recording every level into a new store, and the store.
    public static func logger(label: String = "test") -> (Logger, Store) {
        let store = Store()
        return (Logger(label: label, factory: { _ in RecordingLogHandler(store: store) }), store)
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        for (key, value) in event.metadata ?? [:] { merged[key] = value }
        store.append(Entry(level: event.level, message: event.message.description, metadata: merged.mapValues { "\($0)" }))
    }
}
