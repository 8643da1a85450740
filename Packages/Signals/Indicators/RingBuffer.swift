/// A fixed-capacity window of the latest values, allocated once: pushing evicts the oldest value
/// when full, in O(1) and without allocating.
public struct RingBuffer: Sendable {
    private var storage: [Double]
    private var start = 0
    /// The number of values held, at most ``capacity``.
    public private(set) var count = 0

    /// A window of `capacity` values.
    ///
    /// - Precondition: `capacity` is positive.
    public init(capacity: Int) {
        precondition(capacity > 0, "a window holds at least one value")
        storage = [Double](repeating: 0, count: capacity)
    }

    /// The most values it holds.
    public var capacity: Int { storage.count }
    /// Whether it holds ``capacity`` values.
    public var isFull: Bool { count == storage.count }

    /// Adds a value; returns the value evicted to make room, if the window was full.
    @discardableResult
    public mutating func push(_ value: Double) -> Double? {
        if count < storage.count {
            storage[(start + count) % storage.count] = value
            count += 1
            return nil
        }
        let evicted = storage[start]
        storage[start] = value
        start = (start + 1) % storage.count
        return evicted
    }

    /// The value `index` places after the oldest (0 is the oldest).
    public subscript(index: Int) -> Double {
        precondition(index >= 0 && index < count, "index \(index) outside a window of \(count)")
        return storage[(start + index) % storage.count]
    }
}
