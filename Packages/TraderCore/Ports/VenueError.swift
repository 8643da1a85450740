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
        /// The request never reached the venue (DNS, connection refused, TLS): it certainly did
        /// not happen, and may be sent again.
        public static let notSent = Code(rawValue: "not_sent")
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

    /// What kind of refusal a `rejected` order is, whatever the venue's own spelling: what a shell
    /// reacts to (re-quote a post-only order that would cross, stop buying without funds, refresh
    /// the product rules after a size or price refusal).
    public enum Rejection: String, CaseIterable, Hashable, Sendable {
        /// A post-only order would have taken liquidity.
        case postOnlyWouldCross = "post_only_would_cross"
        /// Not enough funds (or margin) for the order.
        case insufficientFunds = "insufficient_funds"
        /// A size off the increment, or outside the product's limits.
        case invalidSize = "invalid_size"
        /// A price off the tick, or out of bounds.
        case invalidPrice = "invalid_price"
        /// The product does not take this order now (halted, cancel-only, limit-only, delisted).
        case productUnavailable = "product_unavailable"
        /// The venue already has an order under this client order id.
        case duplicateOrder = "duplicate_order"
        /// The venue does not support this kind of order here.
        case unsupportedOrder = "unsupported_order"
        /// Any other refusal; the venue's reason says which.
        case other
    }

    /// Why it failed.
    public let code: Code
    /// For a `rejected` order, what kind of refusal it is.
    public let rejection: Rejection?
    /// The venue's own reason, when it gave one (`INVALID_LIMIT_PRICE_POST_ONLY`).
    public let venueReason: String?
    /// Details for people; never a secret.
    public let message: String
    /// How long the venue asked to wait before the next request (a 429's `Retry-After`).
    public let retryAfter: Duration?
    /// What failed underneath (the transport's error, the decoder's), for people; never a secret.
    public let cause: String?

    /// Creates an error.
    public init(
        _ code: Code, venueReason: String? = nil, message: String, retryAfter: Duration? = nil, cause: String? = nil,
        rejection: Rejection? = nil
    ) {
        self.code = code
        self.rejection = rejection
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
