import CurlHTTP
import Logging
import TraderConfig
import TraderCore

/// Sends alerts to the webhooks of the routes whose severities they carry: the same alert (kind
/// and message) is sent once within `dedupWindow`, and each route gets at most `maxPerWindow`
/// within it, so a burst cannot flood a channel. A webhook URL is a secret: it is never logged,
/// and a failure is reported by the route's name and the HTTP status or error code alone.
public actor AlertDispatcher {
    /// Where alerts go: a named route, the severities it receives and its webhook (a secret).
    public struct Route: Sendable {
        /// The route's name, as app.yaml gives it.
        public let name: String
        /// The severities it receives.
        public let severities: Set<AlertSettings.Severity>
        /// Its webhook URL (from the secrets; never logged).
        let webhookURL: String

        /// Creates a route.
        public init(name: String, severities: Set<AlertSettings.Severity>, webhookURL: String) {
            self.name = name
            self.severities = severities
            self.webhookURL = webhookURL
        }
    }

    /// What became of an alert at one route.
    public enum Delivery: Hashable, Sendable {
        /// The webhook took it.
        case delivered(route: String)
        /// The same alert was sent within the window.
        case duplicate(route: String)
        /// The route had its fill of alerts within the window.
        case rateLimited(route: String)
        /// The webhook refused it or could not be reached (an HTTP status, or an error code).
        case failed(route: String, reason: String)
    }

    private let routes: [Route]
    private let http: HTTPClient
    private let clock: any TradingClock
    private let dedupWindow: Duration
    private let maxPerWindow: Int
    private let logger: Logger
    private var lastSent: [String: Timestamp] = [:]
    private var recent: [String: [Timestamp]] = [:]

    /// A dispatcher to `routes`, deduplicating and rate-limiting over `dedupWindow` on `clock`.
    public init(
        routes: [Route], http: HTTPClient = HTTPClient(), clock: any TradingClock, dedupWindow: Duration = .seconds(300), maxPerWindow: Int = 10,
        logger: Logger = Logger(label: "trader.alerts", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.routes = routes
        self.http = http
        self.clock = clock
        self.dedupWindow = dedupWindow
        self.maxPerWindow = maxPerWindow
        self.logger = logger
    }

    /// Sends `alert` to every route that receives its severity.
    ///
    /// - Returns: what became of it at each of those routes, in their order.
    @discardableResult
    public func send(_ alert: Alert) async -> [Delivery] {
        let now = clock.now()
        let windowStart = now.advanced(by: .zero - dedupWindow)
        var deliveries: [Delivery] = []
        for route in routes where route.severities.contains(alert.severity) {
            let key = "\(route.name)\u{0}\(alert.kind.rawValue)\u{0}\(alert.message)"
            if let last = lastSent[key], last > windowStart {
                deliveries.append(.duplicate(route: route.name))
                continue
            }
            var sent = recent[route.name, default: []].filter { $0 > windowStart }
            guard sent.count < maxPerWindow else {
                recent[route.name] = sent
                logger.warning("alert not sent: the route's rate limit", metadata: ["route": "\(route.name)", "kind": "\(alert.kind.rawValue)"])
                deliveries.append(.rateLimited(route: route.name))
                continue
            }
            sent.append(now)
            recent[route.name] = sent
            lastSent[key] = now
            deliveries.append(await deliver(alert, to: route))
        }
        return deliveries
    }

    private func deliver(_ alert: Alert, to route: Route) async -> Delivery {
        let request = HTTPRequest(method: "POST", url: route.webhookURL, headers: [("Content-Type", "application/json")], body: alert.webhookBody)
        do {
            let response = try await http.send(request)
            guard (200..<300).contains(response.status) else {
                logger.error("alert not delivered", metadata: ["route": "\(route.name)", "status": "\(response.status)"])
                return .failed(route: route.name, reason: "http_\(response.status)")
            }
            return .delivered(route: route.name)
        } catch {
            // The error's text may name the URL: only its code is kept.
            logger.error("alert not delivered", metadata: ["route": "\(route.name)", "error": "\(error.code.rawValue)"])
            return .failed(route: route.name, reason: error.code.rawValue)
        }
    }
}
