import Dispatch
import Synchronization

/// A bounded first-in, first-out queue between two threads: ``put(_:)`` waits while it holds
/// `capacity` items, ``take()`` while it holds none. For handing batches from a thread that
/// produces them (a file reader, a run) to one that consumes them (a run, an artifact writer).
final class HandOff<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])
    /// Signalled once per item put.
    private let filled = DispatchSemaphore(value: 0)
    /// Counts the room left.
    private let room: DispatchSemaphore

    /// An empty queue holding at most `capacity` items.
    init(capacity: Int) {
        room = DispatchSemaphore(value: capacity)
    }

    /// Adds `item` at the back, first waiting for room.
    func put(_ item: sending Element) {
        room.wait()
        items.withLock { $0.append(item) }
        filled.signal()
    }

    /// Removes the item at the front, first waiting for one.
    func take() -> Element {
        filled.wait()
        let item = items.withLock { $0.removeFirst() }
        room.signal()
        return item
    }
}
