import Synchronization

/// A token bucket for one class of endpoints: `perSecond` requests a second sustained, bursts up
/// to `burst`. A request waits for its token before it is sent, so the client slows itself down
/// before the venue answers 429. What the venue says remains of its own limit
/// (``heed(remaining:limit:resetIn:)``) caps the bucket, and none remaining pauses it.
final class RateBudget: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
        /// No request before this instant: the venue said none remained.
        var pausedUntil: ContinuousClock.Instant?
    }

    /// Requests a second, sustained.
    let perSecond: Double
    /// The most requests at once.
    let burst: Double
    private let bucket: Mutex<Bucket>

    /// A budget of `perSecond` a second with bursts of `burst`, full at the start.
    init(perSecond: Double, burst: Double) {
        self.perSecond = perSecond
        self.burst = burst
        bucket = Mutex(Bucket(tokens: burst, updated: .now))
    }

    /// Waits until a request may be sent, and takes its token.
    ///
    /// - Throws: `CancellationError` when the task is cancelled while it waits.
    func acquire() async throws {
        while true {
            let wait: Duration = bucket.withLock { bucket in
                let now = ContinuousClock.now
                if let paused = bucket.pausedUntil {
                    guard paused <= now else { return now.duration(to: paused) }
                    bucket.pausedUntil = nil
                }
                let elapsed = bucket.updated.duration(to: now)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                bucket.tokens = min(burst, bucket.tokens + seconds * perSecond)
                bucket.updated = now
                guard bucket.tokens < 1 else {
                    bucket.tokens -= 1
                    return .zero
                }
                return .nanoseconds(Int64((1 - bucket.tokens) / perSecond * 1e9) + 1)
            }
            guard wait > .zero else { return }
            try await Task.sleep(for: wait)
        }
    }

    /// Takes in what the venue's rate-limit headers said after a request: at most `remaining`
    /// requests go before the venue's window resets; with none remaining, none goes until
    /// `resetIn` has passed, and at least until one of the venue's `limit` a second is due.
    func heed(remaining: Int, limit: Int?, resetIn: Duration) {
        bucket.withLock { bucket in
            bucket.tokens = min(bucket.tokens, Double(max(0, remaining)))
            guard remaining <= 0 else { return }
            let oneRequest: Duration = limit.map { $0 > 0 ? .seconds(1) / $0 : .seconds(1) } ?? .zero
            let pause = min(.seconds(60), max(resetIn, oneRequest))
            bucket.pausedUntil = ContinuousClock.now.advanced(by: pause)
        }
    }
}
