/// A clock that runs from a chosen instant at a multiple of real time: for paper trading replayed
/// history faster than it happened (a factor of 60 plays an hour a minute).
public struct AcceleratedClock: TradingClock {
    /// The instant the clock read when it was made.
    public let start: Timestamp
    /// How many clock seconds pass in one real second.
    public let factor: Int
    private let base: SystemClock
    private let realStart: Timestamp

    /// A clock that reads `start` now and runs `factor` times faster than real time.
    ///
    /// - Precondition: `factor` is at least 1.
    public init(start: Timestamp, factor: Int) {
        precondition(factor >= 1, "an accelerated clock runs at least at real time")
        self.start = start
        self.factor = factor
        base = SystemClock()
        realStart = base.now()
    }

    /// `start` plus the real time since the clock was made, times ``factor``.
    public func now() -> Timestamp {
        let real = realStart.duration(to: base.now())
        return start.advanced(by: real * factor)
    }

    /// Sleeps the real time it takes the clock to reach `deadline`.
    ///
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Timestamp) async throws {
        while true {
            let remaining = now().duration(to: deadline)
            guard remaining > .zero else { return }
            try await Task.sleep(for: remaining / factor)
        }
    }
}
