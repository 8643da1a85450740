/// The source of "now" for everything that decides, and of waiting for a later instant. Engines
/// and loops take a clock instead of reading the system time, so that backtests and tests run on a
/// manual one and stay deterministic.
public protocol TradingClock: Sendable {
    /// The current instant.
    func now() -> Timestamp

    /// Suspends until the clock reads `deadline` or later (at once when it already does).
    ///
    /// - Throws: `CancellationError` when the task is cancelled first.
    func sleep(until deadline: Timestamp) async throws
}
