import Backtest
import TraderCore

/// The paper venue's virtual clock: a sleep until an instant closes every bar of the replay up to
/// it at the venue, moves the clock there and returns at once. A session runs as fast as the node
/// can follow, and each cycle reads bars the venue has already closed, so it is deterministic.
/// A sleep past the history's end throws ``HistoryOver``.
struct SteppedReplayClock: TradingClock {
    /// The replay has no bar left to close.
    struct HistoryOver: Error {}

    let clock: ManualClock
    let venue: PaperVenue

    func now() -> Timestamp { clock.now() }

    func sleep(until deadline: Timestamp) async throws {
        try Task.checkCancellation()
        guard deadline > clock.now() else { return }
        guard await venue.nextBarClose != nil else { throw HistoryOver() }
        clock.set(to: deadline)
        try await venue.advance(to: deadline)
    }
}
