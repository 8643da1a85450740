import Foundation
import Hummingbird
import ServiceLifecycle
import TraderCore

/// A live node's `/health` (a ``HealthReport`` as JSON: 200 healthy, 503 not) and `/metrics`
/// (``NodeMetrics`` in Prometheus's text format), served on the configured address; a Service.
public struct ObservabilityServer: Service {
    let node: TradingNode
    let mode: TradingMode
    let clock: any TradingClock
    let startedAt: Timestamp
    let maxStaleness: Duration
    let host: String
    let port: Int
    let onRunning: @Sendable (Int) async -> Void

    /// A server for `node` on `host`:`port` (0: a free port, given to `onRunning`), calling the
    /// node unhealthy when no cycle has run for `maxStaleness` on `clock`.
    public init(
        node: TradingNode, mode: TradingMode, clock: any TradingClock, maxStaleness: Duration, host: String = "127.0.0.1", port: Int,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.node = node
        self.mode = mode
        self.clock = clock
        startedAt = clock.now()
        self.maxStaleness = maxStaleness
        self.host = host
        self.port = port
        self.onRunning = onRunning
    }

    /// Serves until cancelled or shut down gracefully.
    ///
    /// - Throws: what the server throws when it cannot bind.
    public func run() async throws {
        let router = Router()
        let (node, mode, clock, startedAt, maxStaleness) = (node, mode, clock, startedAt, maxStaleness)
        router.get("/health") { _, _ -> Response in
            let report = HealthReport(summary: await node.summary, mode: mode, now: clock.now(), startedAt: startedAt, maxStaleness: maxStaleness)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let body = (try? encoder.encode(report)).map(Array.init) ?? []
            return Response(
                status: report.isHealthy ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
        }
        router.get("/metrics") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: node.metrics.exposition())))
        }
        let onRunning = onRunning
        let application = Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "trader-live"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
        // run(), not runService(): the node's ServiceGroup owns the signals and the shutdown order.
        try await application.run()
    }
}
