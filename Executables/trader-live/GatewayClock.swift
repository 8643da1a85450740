import IBKRAdapter
import Synchronization
import TraderCore

/// The node's clock on the gateway's: exchange-sim's replay shows its own time (CURRENT_TIME),
/// which jumps from bar close to bar close. `now()` is the gateway's time as last read;
/// `sleep(until:)` reads it again every 100 ms of real time until it reaches the deadline (ten
/// messages a second of the gateway's budget of fifty).
final class GatewayClock: TradingClock {
    private let last: Mutex<Timestamp>
    private let source: Mutex<IBKRAdapter?>

    /// A clock reading `start` until it is attached to an adapter.
    init(start: Timestamp) {
        last = Mutex(start)
        source = Mutex(nil)
    }

    /// Reads the gateway's time through `adapter` from now on, starting with one read (which
    /// replaces the start, whichever is later).
    func attach(_ adapter: IBKRAdapter) async throws {
        source.withLock { $0 = adapter }
        let time = try await adapter.serverTime()
        last.withLock { $0 = time }
    }

    func now() -> Timestamp { last.withLock { $0 } }

    func sleep(until deadline: Timestamp) async throws {
        while now() < deadline {
            try await Task.sleep(for: .milliseconds(100))
            guard let adapter = source.withLock({ $0 }), let time = try? await adapter.serverTime() else { continue }
            last.withLock { $0 = max($0, time) }
        }
    }
}
