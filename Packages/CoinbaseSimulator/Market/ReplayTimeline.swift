import TraderCore

/// How the replayed history meets the wall clock. Clients sign tokens with their own wall clock and
/// check it against `GET /time`, so tokens and `/time` use the wall clock; the market replays history
/// on its own clock, and every time the simulator shows (candle starts, order and fill times) or
/// reads (candle ranges, fill filters, GTD end times) is shifted by one constant offset: a whole
/// number of bars, chosen at start so that the bar in progress in the replay is the bar in progress
/// on the wall clock. A client asking for the last 300 hourly candles gets the last 300 bars the
/// replay has closed. At `--speed` above 1, or in `--step` mode, replayed time then runs ahead of the
/// wall clock; the offset stays constant, so the mapping never jumps.
public struct ReplayTimeline: Sendable, Hashable {
    /// Wall time minus replay time, in seconds.
    public let offsetSeconds: Int64

    /// A timeline whose replay time `replayNow` (the close of the last bar processed) is the start
    /// of the bar of `interval` seconds in progress at `wallNow`.
    public init(replayNow: Timestamp, wallNow: Timestamp, intervalSeconds: Int64) {
        let wallBarStart = wallNow.secondsSinceEpoch - wallNow.secondsSinceEpoch % intervalSeconds
        offsetSeconds = wallBarStart - replayNow.secondsSinceEpoch
    }

    /// The timeline with a given offset.
    public init(offsetSeconds: Int64) {
        self.offsetSeconds = offsetSeconds
    }

    /// The wall time a replay time is shown as.
    public func wall(_ replay: Timestamp) -> Timestamp { replay.advanced(bySeconds: offsetSeconds) }

    /// The replay time a wall time names.
    public func replay(_ wall: Timestamp) -> Timestamp { wall.advanced(bySeconds: -offsetSeconds) }
}
