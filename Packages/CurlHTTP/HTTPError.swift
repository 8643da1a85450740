/// A request that got no HTTP response, typed by whether it can have reached the server: an
/// order submit that failed ``Code/notSent`` may be sent again, one whose outcome is unknown must
/// be looked up instead. (A response with any status, 4xx and 5xx included, is not an error.)
public struct HTTPError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why; stable snake_case codes.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The snake_case spelling.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The request never left: DNS failure, connection refused, TLS handshake or verification
        /// failure, a connect timeout. The server cannot have seen it.
        public static let notSent = Code(rawValue: "not_sent")
        /// The request was written, then the answer did not come (a timeout, a reset, a closed
        /// connection): the server may have acted on it.
        public static let outcomeUnknown = Code(rawValue: "outcome_unknown")
        /// The response body passed the client's bound; the request reached the server.
        public static let responseTooLarge = Code(rawValue: "response_too_large")
        /// The task was cancelled; the request may have reached the server if it was written.
        public static let cancelled = Code(rawValue: "cancelled")
        /// The request could not be made (a malformed URL, an unsupported option).
        public static let invalidRequest = Code(rawValue: "invalid_request")
        public var description: String { rawValue }
    }

    /// Why it failed.
    public let code: Code
    /// Details for people: the method and URL, and what happened.
    public let message: String
    /// libcurl's own error text.
    public let cause: String?
    /// Whether any of the request was written to the server.
    public let requestWritten: Bool

    /// Creates an error.
    public init(_ code: Code, message: String, cause: String? = nil, requestWritten: Bool) {
        self.code = code
        self.message = message
        self.cause = cause
        self.requestWritten = requestWritten
    }

    /// Whether the server may have acted on the request.
    public var mayHaveReachedServer: Bool { requestWritten && code != .notSent && code != .invalidRequest }

    public var description: String { "\(code): \(message)" + (cause.map { "; cause: \($0)" } ?? "") }
}
