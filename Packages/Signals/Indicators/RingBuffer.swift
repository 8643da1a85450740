/// A fixed-capacity window of the latest values, allocated once: pushing evicts the oldest value
/// when full, in O(1) and without allocating.
public struct RingBuffer: Sendable {
    @usableFromInline var storage: [Double]
    @usableFromInline var start = 0
    @usableFromInline var stored = 0

    /// The number of values held, at most ``capacity``.
    @inlinable public var count: Int { stored }

    /// A window of `capacity` values.
    ///
    /// - Precondition: `capacity` is positive.
    public init(capacity: Int) {
        precondition(capacity > 0, "a window holds at least one value")
        storage = [Double](repeating: 0, count: capacity)
    }

    /// The most values it holds.
    @inlinable public var capacity: Int { storage.count }
    /// Whether it holds ``capacity`` values.
    @inlinable public var isFull: Bool { count == storage.count }

    /// Adds a value; returns the value evicted to make room, if the window was full. Always inlined,
    /// as are the averages' updates: they run on every bar, where a call costs more than the work.
    @inlinable @inline(__always)
    @discardableResult
    public mutating func push(_ value: Double) -> Double? {
        if count < storage.count {
            storage[wrapped(start + count)] = value
            stored += 1
            return nil
        }
        let evicted = storage[start]
        storage[start] = value
        start = wrapped(start + 1)
        return evicted
    }

    /// The value `index` places after the oldest (0 is the oldest).
    @inlinable
    public subscript(index: Int) -> Double {
        precondition(index >= 0 && index < count, "index \(index) outside a window of \(count)")
        return storage[wrapped(start + index)]
    }

    /// A position folded into the storage (below twice the capacity), without a division.
    @inlinable
    func wrapped(_ position: Int) -> Int {
        position >= storage.count ? position - storage.count : position
    }
}
