#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's real-time clock.
public struct SystemClock: TradingClock {
    /// Creates the system clock.
    public init() {}

    /// The current UTC instant from the system's real-time clock (`CLOCK_REALTIME`).
    public func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(nanosecondsSinceEpoch: Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec))
    }

    /// Sleeps until the real-time clock reads `deadline`, checking again after each sleep (the
    /// real-time clock may be stepped while it sleeps).
    ///
    /// - Throws: `CancellationError` when the task is cancelled first.
    public func sleep(until deadline: Timestamp) async throws {
        while true {
            let remaining = now().duration(to: deadline)
            guard remaining > .zero else { return }
            try await Task.sleep(for: remaining)
        }
    }
}
