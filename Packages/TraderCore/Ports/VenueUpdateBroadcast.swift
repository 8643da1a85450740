import Synchronization

/// The subscribers of a venue's event stream, for an implementation of ``OrderGateway/events()``:
/// each call to ``subscribe()`` gets its own unbounded stream, and ``yield(_:)`` delivers one
/// update to every open one, in order. A stream whose consumer stopped is forgotten.
public final class VenueUpdateBroadcast: Sendable {
    private let subscribers = Mutex<(next: Int, open: [Int: AsyncStream<VenueUpdate>.Continuation])>((0, [:]))

    /// Creates a broadcast with no subscribers.
    public init() {}

    /// A new stream of every update yielded from now on.
    public func subscribe() -> AsyncStream<VenueUpdate> {
        let (stream, continuation) = AsyncStream.makeStream(of: VenueUpdate.self, bufferingPolicy: .unbounded)
        let number = subscribers.withLock { state in
            state.next += 1
            state.open[state.next] = continuation
            return state.next
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.open.removeValue(forKey: number) }
        }
        return stream
    }

    /// Delivers `update` to every open stream.
    public func yield(_ update: VenueUpdate) {
        for continuation in subscribers.withLock({ Array($0.open.values) }) { continuation.yield(update) }
    }

    /// How many streams are open.
    public var subscriberCount: Int { subscribers.withLock { $0.open.count } }

    /// Ends every stream (the venue is shutting down).
    public func finish() {
        for continuation in subscribers.withLock({ Array($0.open.values) }) { continuation.finish() }
    }
}
