import TraderCore

/// The engine's whole state after one cycle, as the engine encoded it: the store keeps the bytes
/// without reading them, so it does not depend on the engine (the runtime encodes and decodes).
public struct EngineSnapshot: Hashable, Sendable {
    /// The cycle the state is after.
    public let cycle: Int
    /// That cycle's decision instant.
    public let time: Timestamp
    /// The encoding's format version.
    public let format: Int
    /// The encoded state.
    public let payload: [UInt8]

    /// Creates a snapshot.
    public init(cycle: Int, time: Timestamp, format: Int, payload: [UInt8]) {
        self.cycle = cycle
        self.time = time
        self.format = format
        self.payload = payload
    }
}
