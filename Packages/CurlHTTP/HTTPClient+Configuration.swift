extension HTTPClient {
    /// How a client connects and how long it waits.
    public struct Configuration: Sendable, Hashable {
        /// The most time to establish a connection (TCP and TLS).
        public var connectTimeout: Duration
        /// The most time for a whole request, from start to the last byte of the answer.
        public var requestTimeout: Duration
        /// A transfer slower than `lowSpeedBytesPerSecond` for `lowSpeedTime` is given up.
        public var lowSpeedBytesPerSecond: Int
        /// See ``lowSpeedBytesPerSecond``.
        public var lowSpeedTime: Duration
        /// The largest response body accepted.
        public var maxResponseBytes: Int
        /// A PEM file of certificate authorities to trust instead of the system's (a simulator's
        /// self-signed certificate); `nil` trusts the system's. Verification is never turned off.
        public var caFile: String?
        /// The `User-Agent` sent.
        public var userAgent: String
        /// Connections kept open for reuse.
        public var maxIdleConnections: Int

        /// Defaults for an exchange's REST API: 5 s to connect, 10 s a request, 16 MiB a body.
        public init(
            connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(10), lowSpeedBytesPerSecond: Int = 1,
            lowSpeedTime: Duration = .seconds(10), maxResponseBytes: Int = 16 << 20, caFile: String? = nil, userAgent: String = "trader",
            maxIdleConnections: Int = 8
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
            self.lowSpeedTime = lowSpeedTime
            self.maxResponseBytes = maxResponseBytes
            self.caFile = caFile
            self.userAgent = userAgent
            self.maxIdleConnections = maxIdleConnections
        }
    }
}
