/// How one request to a venue ended, as an adapter reports it for the health breakers: answered,
/// failed (a 5xx, a refused credential, a transport failure), or refused by a rate limit.
public enum VenueCallOutcome: String, CaseIterable, Hashable, Sendable {
    /// The venue answered (a business refusal, such as an order rejected on its merits, included).
    case answered
    /// The venue failed or could not be reached.
    case failed
    /// The venue refused for rate limiting.
    case rateLimited = "rate_limited"
}
