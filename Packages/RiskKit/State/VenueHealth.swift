import DequeModule
import TraderCore

/// Venue requests in the breaker window: how many were made, how many failed and how many were
/// answered with a rate limit.
public struct VenueHealth: Hashable, Sendable {
    /// Requests made.
    public var requests: Int
    /// Requests that failed (errors, timeouts, 5xx), rate-limited ones included.
    public var failures: Int
    /// Requests answered with a rate limit (HTTP 429 or the venue's equivalent).
    public var rateLimitHits: Int

    /// Counts in a window.
    public init(requests: Int = 0, failures: Int = 0, rateLimitHits: Int = 0) {
        self.requests = requests
        self.failures = failures
        self.rateLimitHits = rateLimitHits
    }

    /// Failures as a percentage of requests; 0 with no requests.
    public var failureRatePct: Double { requests == 0 ? 0 : Double(failures) * 100 / Double(requests) }
}

/// A rolling window of venue request outcomes that yields ``VenueHealth`` for the breakers.
public struct VenueHealthWindow: Sendable {
    /// How a request ended.
    public enum Outcome: Hashable, Sendable {
        /// It succeeded.
        case success
        /// It failed.
        case failure
        /// It was refused by a rate limit.
        case rateLimited
    }

    /// The window's length.
    public let length: Duration
    private var outcomes: Deque<(time: Timestamp, outcome: Outcome)> = []

    /// A window of `length`.
    public init(length: Duration) {
        self.length = length
    }

    /// Records a request's outcome at `time`.
    public mutating func record(_ outcome: Outcome, at time: Timestamp) {
        outcomes.append((time, outcome))
    }

    /// The counts over the window ending at `now`; older outcomes are forgotten.
    public mutating func health(at now: Timestamp) -> VenueHealth {
        let start = now.advanced(by: .zero - length)
        while let first = outcomes.first, first.time <= start { outcomes.removeFirst() }
        var health = VenueHealth()
        for (_, outcome) in outcomes {
            health.requests += 1
            switch outcome {
            case .success: break
            case .failure: health.failures += 1
            case .rateLimited:
                health.failures += 1
                health.rateLimitHits += 1
            }
        }
        return health
    }
}

extension VenueHealthWindow {
    /// Records a request as an adapter reported it.
    public mutating func record(call outcome: VenueCallOutcome, at time: Timestamp) {
        switch outcome {
        case .answered: record(Outcome.success, at: time)
        case .failed: record(Outcome.failure, at: time)
        case .rateLimited: record(Outcome.rateLimited, at: time)
        }
    }
}
