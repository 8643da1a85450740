/// A venue call that did not succeed. ``isAmbiguous`` separates "it certainly did not happen" from
/// "it may have happened": an ambiguous submit leaves the order `unknown` until a lookup by client
/// order id settles it, and is never re-sent blindly.
public struct VenueError: TraderError, Hashable {
    /// Why the call failed; stable snake_case codes.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The snake_case spelling.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// No answer in time; the request may have been processed.
        public static let timeout = Code(rawValue: "timeout")
        /// The venue answered 5xx or reset the connection; the request may have been processed.
        public static let unavailable = Code(rawValue: "unavailable")
        /// The venue refused for rate limiting (HTTP 429); the request was not processed.
        public static let rateLimited = Code(rawValue: "rate_limited")
        /// Credentials were refused; the request was not processed.
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// The reply could not be understood; it is never turned into a fill.
        public static let malformedReply = Code(rawValue: "malformed_reply")
        /// The venue refused the request on its merits (insufficient funds, post-only would cross).
        public static let rejected = Code(rawValue: "rejected")
        /// The thing asked for does not exist at the venue.
        public static let notFound = Code(rawValue: "not_found")
        public var description: String { rawValue }
    }

    /// Why it failed.
    public let code: Code
    /// The venue's own reason, when it gave one (`INVALID_LIMIT_PRICE_POST_ONLY`).
    public let venueReason: String?
    /// Details for people; never a secret.
    public let message: String
    /// How long the venue asked to wait before the next request (a 429's `Retry-After`).
    public let retryAfter: Duration?
    /// What failed underneath (the transport's error, the decoder's), for people; never a secret.
    public let cause: String?

    /// Creates an error.
    public init(_ code: Code, venueReason: String? = nil, message: String, retryAfter: Duration? = nil, cause: String? = nil) {
        self.code = code
        self.venueReason = venueReason
        self.message = message
        self.retryAfter = retryAfter
        self.cause = cause
    }

    /// Whether the request may have taken effect although it failed.
    public var isAmbiguous: Bool { code == .timeout || code == .unavailable || code == .malformedReply }

    public var description: String {
        "\(code)" + (venueReason.map { " (\($0))" } ?? "") + ": \(message)"
            + (retryAfter.map { "; retry after \($0)" } ?? "") + (cause.map { "; cause: \($0)" } ?? "")
    }
}
