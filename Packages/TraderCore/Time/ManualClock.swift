import Synchronization

/// A clock that moves only when told: for backtests, stepped paper trading and tests. Sleepers
/// wake, in deadline order, when the clock is moved to or past their deadline.
public final class ManualClock: TradingClock {
    private struct Sleeper {
        let number: Int
        let deadline: Timestamp
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Timestamp
        var sleepers: [Sleeper] = []
        var nextNumber = 0
    }

    private let state: Mutex<State>

    /// Creates a clock that reads `start` until moved.
    public init(_ start: Timestamp) {
        state = Mutex(State(now: start))
    }

    /// The instant the clock was last set to.
    public func now() -> Timestamp { state.withLock { $0.now } }

    /// How many tasks are sleeping on the clock (a test waits for a loop to sleep before moving it).
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// The earliest deadline a task sleeps until, if any task sleeps.
    public var nextDeadline: Timestamp? { state.withLock { $0.sleepers.map(\.deadline).min() } }

    /// Suspends until the clock is moved to `deadline` or past it.
    ///
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Timestamp) async throws {
        let number = state.withLock { state in
            state.nextNumber += 1
            return state.nextNumber
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Result<Void, any Error>? = state.withLock { state in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if deadline <= state.now { return .success(()) }
                    state.sleepers.append(Sleeper(number: number, deadline: deadline, continuation: continuation))
                    return nil
                }
                if let resumeNow { continuation.resume(with: resumeNow) }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> Sleeper? in
                guard let index = state.sleepers.firstIndex(where: { $0.number == number }) else { return nil }
                return state.sleepers.remove(at: index)
            }
            cancelled?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves the clock forward, waking the sleepers whose deadline it reaches.
    ///
    /// - Precondition: `duration` is not negative: time never runs backwards.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "a clock never runs backwards")
        move { $0.advanced(by: duration) }
    }

    /// Sets the clock to `instant`, waking the sleepers whose deadline it reaches.
    ///
    /// - Precondition: `instant` is not before the current reading.
    public func set(to instant: Timestamp) {
        move { now in
            precondition(instant >= now, "a clock never runs backwards")
            return instant
        }
    }

    private func move(_ next: (Timestamp) -> Timestamp) {
        let woken = state.withLock { state -> [Sleeper] in
            state.now = next(state.now)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due.sorted { ($0.deadline, $0.number) < ($1.deadline, $1.number) }
        }
        for sleeper in woken { sleeper.continuation.resume() }
    }
}
