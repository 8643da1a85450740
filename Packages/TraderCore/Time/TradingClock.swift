import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The source of "now" for everything that decides. Engines take a clock instead of reading the
/// system time, so that backtests and tests run on a manual one and stay deterministic.
public protocol TradingClock: Sendable {
    /// The current instant.
    func now() -> Timestamp
}

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
}

/// A clock that moves only when told: for backtests and tests.
public final class ManualClock: TradingClock {
    private let current: Mutex<Timestamp>

    /// Creates a clock that reads `start` until moved.
    public init(_ start: Timestamp) {
        current = Mutex(start)
    }

    /// The instant the clock was last set to.
    public func now() -> Timestamp { current.withLock { $0 } }

    /// Moves the clock forward.
    ///
    /// - Precondition: `duration` is not negative: time never runs backwards.
    public func advance(by duration: Duration) {
        precondition(duration >= .zero, "a clock never runs backwards")
        current.withLock { $0 = $0.advanced(by: duration) }
    }

    /// Sets the clock to `instant`.
    ///
    /// - Precondition: `instant` is not before the current reading.
    public func set(to instant: Timestamp) {
        current.withLock {
            precondition(instant >= $0, "a clock never runs backwards")
            $0 = instant
        }
    }
}
