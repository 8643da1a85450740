import TraderCore

/// How fast the replay runs against the wall clock: from `replayStart` at `wallStart`, `speed`
/// replayed seconds a wall second.
public struct ReplayPace: Sendable, Hashable {
    /// The replay's time when it started.
    public let replayStart: Timestamp
    /// The wall time when it started.
    public let wallStart: Timestamp
    /// Replayed seconds a wall second.
    public let speed: Int

    /// A pace of `speed` from `replayStart` at `wallStart`.
    public init(replayStart: Timestamp, wallStart: Timestamp, speed: Int) {
        self.replayStart = replayStart
        self.wallStart = wallStart
        self.speed = max(1, speed)
    }

    /// The replay's time at wall time `wall` (continuous: between bar closes too).
    public func replayTime(atWall wall: Timestamp) -> Timestamp {
        replayStart.advanced(by: .nanoseconds((wall.nanosecondsSinceEpoch - wallStart.nanosecondsSinceEpoch) * Int64(speed)))
    }

    /// The wall time at which the replay reaches `replay`.
    public func wallTime(atReplay replay: Timestamp) -> Timestamp {
        wallStart.advanced(by: .nanoseconds((replay.nanosecondsSinceEpoch - replayStart.nanosecondsSinceEpoch) / Int64(speed)))
    }
}
