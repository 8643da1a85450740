import Logging

/// An HTTP client over the system libcurl: requests run on one libcurl multi handle driven by a
/// thread of its own, with connections kept alive and reused (HTTP/2 where the server offers it),
/// timeouts, TLS verification always on (an optional CA file for a simulator's certificate), the
/// proxy from the standard environment variables, a bound on the response size, and Task
/// cancellation. Failures say whether the request can have reached the server (``HTTPError``).
public final class HTTPClient: Sendable {
    /// How it connects and how long it waits.
    public let configuration: Configuration
    private let loop: CurlEventLoop
    private let logger: Logger

    /// A client with `configuration`, reporting failures to `logger` (silent by default).
    public init(
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "trader.http", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.logger = logger
        loop = CurlEventLoop(maxIdleConnections: configuration.maxIdleConnections)
    }

    deinit { loop.shutdown() }

    /// Sends `request` and returns the server's answer, whatever its status.
    ///
    /// - Throws: ``HTTPError``: `not_sent`, `outcome_unknown`, `response_too_large`, `cancelled`
    ///   (the task was cancelled), `invalid_request`.
    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        let transfer = try Transfer(request, configuration: configuration)
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                    transfer.continuation = continuation
                    loop.submit(transfer)
                }
            } onCancel: {
                loop.cancel(transfer)
            }
        } catch let error as HTTPError {
            logger.debug("request failed", metadata: ["request": "\(request.method) \(request.url)", "code": "\(error.code)"])
            throw error
        } catch {
            throw HTTPError(.cancelled, message: "\(request.method) \(request.url): \(error)", requestWritten: false)
        }
    }
}
