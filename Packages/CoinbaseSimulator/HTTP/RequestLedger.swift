import Foundation
import Synchronization

/// What the simulator counts of the requests it serves, and Coinbase's rate limits: a token
/// bucket a class (private, per key; public, per address), refilled at its rate per second up to
/// one second's worth, answering 429 once empty. It also keeps each class's peak rate over any
/// one-second window, so tests can assert that a client stayed within its budget.
final class RequestLedger: Sendable {
    /// A class of endpoints with its own budget.
    enum EndpointClass: String, Sendable { case `private`, `public` }

    private struct Bucket {
        let rate: Double
        var tokens: Double
        var refilled: Double
        /// Arrival times (seconds) within the last second, for the peak rate.
        var recent: [Double] = []
        var start = 0
        var peak = 0
    }

    private struct State {
        var buckets: [EndpointClass: Bucket]
        var counts: [String: Int] = [:]
        var rateLimited = 0
        var unauthorized = 0
    }

    // A lock, not an actor: every request passes here, and a hop to an actor's executor and back
    // costs more than the counting.
    private let state: Mutex<State>

    /// Limits of `privateRate` and `publicRate` requests a second; `nil` for no limit.
    init(privateRate: Double?, publicRate: Double?) {
        var buckets: [EndpointClass: Bucket] = [:]
        buckets[.private] = Bucket(rate: privateRate ?? .infinity, tokens: privateRate ?? .infinity, refilled: 0)
        buckets[.public] = Bucket(rate: publicRate ?? .infinity, tokens: publicRate ?? .infinity, refilled: 0)
        state = Mutex(State(buckets: buckets))
    }

    /// Counts a request to `endpoint` at `now` (seconds) and says whether its class's budget lets it through.
    func admit(_ endpoint: String, class endpointClass: EndpointClass, now: Double) -> (admitted: Bool, remaining: Int, limit: Double) {
        state.withLock { state in
            state.counts[endpoint, default: 0] += 1
            guard var bucket = state.buckets[endpointClass] else { return (true, 0, 0) }
            bucket.recent.append(now)
            while bucket.recent[bucket.start] <= now - 1 { bucket.start += 1 }
            bucket.peak = max(bucket.peak, bucket.recent.count - bucket.start)
            if bucket.start > 4_096 {
                bucket.recent.removeFirst(bucket.start)
                bucket.start = 0
            }
            if bucket.rate.isFinite {
                bucket.tokens = min(bucket.rate, bucket.tokens + (now - bucket.refilled) * bucket.rate)
            }
            bucket.refilled = now
            let admitted = bucket.tokens >= 1
            if admitted { bucket.tokens -= 1 } else { state.rateLimited += 1 }
            state.buckets[endpointClass] = bucket
            return (admitted, bucket.rate.isFinite ? Int(bucket.tokens) : Int.max, bucket.rate)
        }
    }

    /// Counts a request refused for its token.
    func refusedToken() { state.withLock { $0.unauthorized += 1 } }

    /// What was counted.
    struct Summary: Sendable {
        /// Requests by endpoint (`METHOD /path/template`).
        let requests: [String: Int]
        /// Requests answered 429.
        let rateLimited: Int
        /// Requests answered 401.
        let unauthorized: Int
        /// The most requests of each class within any one second.
        let peaks: [String: Int]

        /// As `GET /_sim/state` shows it.
        var wire: [String: Any] {
            ["requests": requests, "rate_limited": rateLimited, "unauthorized": unauthorized, "peak_requests_per_second": peaks]
        }
    }

    /// The counts so far.
    func summary() -> Summary {
        state.withLock { state in
            Summary(
                requests: state.counts, rateLimited: state.rateLimited, unauthorized: state.unauthorized,
                peaks: ["private": state.buckets[.private]?.peak ?? 0, "public": state.buckets[.public]?.peak ?? 0])
        }
    }
}
