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

        /// Counts an arrival at `now` and takes its token when there is one.
        mutating func admit(at now: Double) -> (admitted: Bool, remaining: Int, limit: Double) {
            recent.append(now)
            while recent[start] <= now - 1 { start += 1 }
            peak = max(peak, recent.count - start)
            if start > 4_096 {
                recent.removeFirst(start)
                start = 0
            }
            if rate.isFinite { tokens = min(rate, tokens + (now - refilled) * rate) }
            refilled = now
            let admitted = tokens >= 1
            if admitted { tokens -= 1 }
            return (admitted, rate.isFinite ? Int(tokens) : Int.max, rate)
        }
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
            // In place: a copy of the bucket would copy its arrival times on every request.
            guard let answer = state.buckets[endpointClass]?.admit(at: now) else { return (true, 0, 0) }
            if !answer.admitted { state.rateLimited += 1 }
            return answer
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
