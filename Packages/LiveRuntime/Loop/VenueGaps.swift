import ServiceLifecycle
import Synchronization
import TraderCore

/// The gaps a venue reports on its event stream (a reconnect, connectivity restored): events after
/// the gap's time may have been lost, so the next cycle reconciles with the venue, whatever the
/// schedule says. A Service: it watches the stream until a graceful shutdown.
public final class VenueGaps: Service, Sendable {
    private let pending = Mutex<(since: Timestamp, reason: String)?>(nil)
    private let updates: AsyncStream<VenueUpdate>?

    /// Gaps read from `updates` (a venue's ``OrderGateway/events()``), or only those noted.
    public init(watching updates: AsyncStream<VenueUpdate>? = nil) {
        self.updates = updates
    }

    /// Notes a gap; of several before the next cycle, the earliest time is kept.
    public func note(since time: Timestamp, reason: String) {
        pending.withLock { gap in
            if let gap, gap.since <= time { return }
            gap = (time, reason)
        }
    }

    /// The gap noted since the last call, if any.
    public func take() -> (since: Timestamp, reason: String)? {
        pending.withLock { gap in
            defer { gap = nil }
            return gap
        }
    }

    /// Watches the stream until it ends or a graceful shutdown.
    public func run() async throws {
        guard let updates else { return }
        for await update in updates.cancelOnGracefulShutdown() {
            if case .gap(let since, let reason) = update { note(since: since, reason: reason) }
        }
    }
}
