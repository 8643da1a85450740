import CurlHTTP
import Foundation
import Logging
import TraderCore

/// Coinbase's REST API over CurlHTTP: a fresh JWT per private request, rate budgets that wait
/// before the venue would refuse, backoff with full jitter on 429, 5xx and network failures, and
/// failures as ``VenueError``s that say whether the request may have taken effect.
///
/// Repeated: reads, and any request that was never sent. Never repeated: a write whose outcome is
/// unknown (a timeout or a reset after it was sent, a 5xx): it fails ambiguously, for a lookup.
final class CoinbaseClient: Sendable {
    /// Every path starts here.
    static let apiPrefix = "/api/v3/brokerage"

    let configuration: CoinbaseConfiguration
    private let http: HTTPClient
    private let clock: any TradingClock
    private let privateBudget: RateBudget
    private let publicBudget: RateBudget
    private let logger: Logger

    init(configuration: CoinbaseConfiguration, clock: any TradingClock, logger: Logger) {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        http = HTTPClient(configuration: HTTPClient.Configuration(
                requestTimeout: configuration.requestTimeout, caFile: configuration.caFile, userAgent: "trader-coinbase"))
        privateBudget = RateBudget(perSecond: configuration.privateRate.perSecond, burst: configuration.privateRate.burst)
        publicBudget = RateBudget(perSecond: configuration.publicRate.perSecond, burst: configuration.publicRate.burst)
    }

    /// `GET path?query`, decoded as `T`.
    func get<T: Decodable>(_ path: String, query: [(String, String)] = [], as type: T.Type) async throws(VenueError) -> T {
        try decode(type, from: try await send(method: "GET", path: path, query: query, body: nil, repeatable: true), path: path)
    }

    /// Every item of a cursor-paged list, 250 a page: `items` reads a page's, `next` its next
    /// cursor (`nil` or empty after the last page).
    ///
    /// - Throws: ``VenueError``; `malformed_reply` for a page naming the cursor it was asked with.
    func pages<Page: Decodable, Item>(
        _ path: String, query: [(String, String)], as type: Page.Type, items: (Page) -> [Item], next: (Page) -> String?
    ) async throws(VenueError) -> [Item] {
        var all: [Item] = []
        var cursor: String?
        repeat {
            var pageQuery = query + [("limit", "250")]
            if let cursor { pageQuery.append(("cursor", cursor)) }
            let page = try await get(path, query: pageQuery, as: type)
            all += items(page)
            cursor = try CoinbaseMapping.nextCursor(next(page), after: cursor, path)
        } while cursor != nil
        return all
    }

    /// `POST path` with a JSON `body`, decoded as `T`; `repeatable` only for writes that are
    /// safe to send twice (a cancel), never for an order.
    func post<T: Decodable>(_ path: String, body: [String: Any], repeatable: Bool, as type: T.Type) async throws(VenueError) -> T {
        let bytes = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])).map(Array.init) ?? []
        return try decode(type, from: try await send(method: "POST", path: path, query: [], body: bytes, repeatable: repeatable), path: path)
    }

    private func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse, path: String) throws(VenueError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(response.body))
        } catch {
            throw VenueError(.malformedReply, message: "\(path): the answer cannot be read", cause: "\(error)".prefix(200).description)
        }
    }

    private func send(method: String, path: String, query: [(String, String)], body: [UInt8]?, repeatable: Bool) async throws(VenueError)
        -> HTTPResponse
    {
        let fullPath = Self.apiPrefix + path
        let url = configuration.baseURL + fullPath + Self.queryString(query)
        let what = "\(method) \(fullPath)"
        var attempt = 0
        var freshTokenTried = false
        while true {
            attempt += 1
            do {
                try await (configuration.credentials == nil ? publicBudget : privateBudget).acquire()
            } catch {
                throw VenueError(.timeout, message: "\(what): cancelled while waiting for the rate budget")
            }
            var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("Accept", "application/json")]
            if let credentials = configuration.credentials {
                let token = CoinbaseJWT.token(
                    for: credentials, method: method, host: configuration.host, path: fullPath, now: clock.now())
                headers.append(("Authorization", "Bearer \(token)"))
            }
            let request = HTTPRequest(method: method, url: url, headers: headers, body: body)
            var failure: VenueError
            do {
                let response = try await http.send(request)
                observe(what, Self.outcome(ofStatus: response.status))
                heedRateLimitHeaders(of: response)
                if (200..<300).contains(response.status) { return response }
                failure = CoinbaseErrorMap.error(status: response.status, body: response.body, retryAfter: response.header("Retry-After"), what: what)
                if response.status == 401 && !freshTokenTried && configuration.credentials != nil {
                    freshTokenTried = true  // once, with a newly minted token (a known intermittent refusal)
                    attempt -= 1
                    continue
                }
                let retryable = failure.code == .rateLimited || (failure.code == .unavailable && repeatable)
                guard retryable, attempt < configuration.maxAttempts else { throw failure }
            } catch let error as HTTPError {
                observe(what, error.code == .cancelled ? .answered : .failed)
                switch error.code {
                case .notSent:
                    failure = VenueError(.unavailable, message: "\(what): not sent", cause: error.cause)
                    // Never reached the venue: safe to send again, whatever the request.
                    guard attempt < configuration.maxAttempts else {
                        throw VenueError(.notSent, message: "\(what): not sent after \(attempt) attempts", cause: error.cause)
                    }
                case .outcomeUnknown, .cancelled:
                    failure = VenueError(.timeout, message: "\(what): no answer after the request was sent", cause: error.cause)
                    guard repeatable, attempt < configuration.maxAttempts else { throw failure }
                case .responseTooLarge:
                    throw VenueError(.malformedReply, message: "\(what): the answer is too large", cause: error.cause)
                default:
                    throw VenueError(.rejected, message: "\(what): the request cannot be made", cause: error.cause, rejection: .other)
                }
            } catch let error as VenueError {
                throw error
            } catch {
                throw VenueError(.unavailable, message: "\(what): \(error)")
            }
            let delay = backoff(attempt: attempt, retryAfter: failure.retryAfter)
            logger.info("retrying", metadata: ["request": "\(what)", "code": "\(failure.code)", "attempt": "\(attempt)"])
            try? await Task.sleep(for: delay)
        }
    }

    /// Coinbase's `x-ratelimit-remaining`, `-limit` and `-reset` (a Unix second, or seconds from
    /// now when small), when the answer has them, into the budget the request came from.
    private func heedRateLimitHeaders(of response: HTTPResponse) {
        guard let remaining = response.header("x-ratelimit-remaining").flatMap({ Int($0) }) else { return }
        let reset = response.header("x-ratelimit-reset").flatMap { Int64($0) } ?? 0
        let resetIn: Duration = reset > 1_000_000_000 ? .seconds(reset - clock.now().secondsSinceEpoch) : .seconds(reset)
        let budget = configuration.credentials == nil ? publicBudget : privateBudget
        budget.heed(remaining: remaining, limit: response.header("x-ratelimit-limit").flatMap { Int($0) }, resetIn: max(.zero, resetIn))
    }

    private func observe(_ what: String, _ outcome: VenueCallOutcome) {
        configuration.observeCall?(what, outcome, clock.now())
    }

    /// How a request answered with `status` counts for the health breakers: 429 a rate limit,
    /// 5xx and refused credentials failures, the rest answers.
    static func outcome(ofStatus status: Int) -> VenueCallOutcome {
        switch status {
        case 429: .rateLimited
        case 401, 403, 500...: .failed
        default: .answered
        }
    }

    /// Full jitter: a random wait up to the exponential bound (or the venue's `Retry-After`).
    private func backoff(attempt: Int, retryAfter: Duration?) -> Duration {
        if let retryAfter { return retryAfter }
        let bound = min(configuration.maxBackoff, configuration.baseBackoff * (1 << min(attempt - 1, 16)))
        return bound * Double.random(in: 0...1)
    }

    static func queryString(_ query: [(String, String)]) -> String {
        guard !query.isEmpty else { return "" }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "?" + query.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value)"
        }.joined(separator: "&")
    }
}
