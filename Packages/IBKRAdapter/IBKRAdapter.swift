import Logging
import NIOCore
import NIOPosix
import TraderCore

/// Interactive Brokers behind TraderCore's ports, over the TWS API socket protocol that IB
/// Gateway and TWS speak (server version 178): one connection per adapter, held by ``run()``,
/// which reconnects with bounded backoff and reports every reconnect and every "connectivity
/// restored" (1101, 1102) as a gap for the consumer to resynchronize from.
///
/// Orders carry our client order id as IB's `orderRef`, and IB order ids come from the
/// configuration's ``OrderIDReservation``. Requests are answered by request id; order events
/// (OPEN_ORDER, ORDER_STATUS, EXECUTION_DATA with its COMMISSION_REPORT, order errors) update the
/// adapter's view of each order and are pushed on ``events()``. A malformed message is logged and
/// dropped: it never becomes a fill and never stops the connection.
public actor IBKRAdapter {
    let configuration: IBKRConfiguration
    let logger: Logger

    /// The live connection: where frames go, and what the handshake said.
    struct Link {
        let outbound: AsyncStream<ByteBuffer>.Continuation
        let serverVersion: Int
        let account: String
    }

    var link: Link?
    var sessions = 0
    /// Connectivity between the gateway and IB is lost (1100) until 1101 or 1102.
    var connectivityLost = false
    var nextValidID = 0
    var nextRequestID = 1_000_000_000
    var pending: [Int: PendingRequest] = [:]
    var orders: [Int: TrackedOrder] = [:]
    var orderIDs: [ClientOrderID: Int] = [:]
    /// What waits for the gateway's answer about an order: its first acknowledgement (or refusal),
    /// or the answer to a cancel.
    enum Settlement: Hashable {
        case acknowledgement(orderID: Int)
        case cancel(orderID: Int)
    }

    /// The calls waiting for an answer about an order.
    var settlements: [Settlement: CheckedContinuation<Void, any Error>] = [:]
    /// The order each execution belongs to.
    var executionOrders: [String: Int] = [:]
    /// Commission reports that came before their execution (kept until it comes).
    var earlyCommissions: [String: CommissionReport] = [:]
    /// Who waits for the connection.
    var connectionWaiters: [CheckedContinuation<Void, Never>] = []
    /// The newest execution time seen: where a gap's resynchronization starts.
    var lastExecutionTime = Timestamp(nanosecondsSinceEpoch: 0)
    let updates = VenueUpdateBroadcast()

    /// An adapter for `configuration`, reporting to `logger`; it connects when ``run()`` runs.
    public init(configuration: IBKRConfiguration, logger: Logger = Logger(label: "trader.ibkr", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Connects and serves the connection until the task is cancelled, reconnecting after every
    /// loss with backoff from ``IBKRConfiguration/baseBackoff`` doubling up to ``IBKRConfiguration/maxBackoff``.
    ///
    /// - Throws: `CancellationError` when the task is cancelled.
    public func run() async throws {
        var failures = 0
        while true {
            try Task.checkCancellation()
            do {
                try await serveOneConnection()
                failures = 0
            } catch is CancellationError {
                disconnected(reason: "stopped")
                throw CancellationError()
            } catch {
                logger.warning("IB connection ended", metadata: ["error": "\(error)"])
                failures += 1
            }
            disconnected(reason: "the connection to the gateway ended")
            let wait = min(configuration.maxBackoff, configuration.baseBackoff * (1 << min(failures, 16)))
            try await Task.sleep(for: wait)
        }
    }

    /// Waits until the handshake of a connection has completed.
    public func waitUntilConnected() async {
        if link != nil { return }
        await withCheckedContinuation { connectionWaiters.append($0) }
    }

    /// Waits until a connection's handshake has completed, or `timeout` has passed (looking every
    /// 10 ms).
    ///
    /// - Returns: whether it connected in time.
    public func waitUntilConnected(timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while link == nil {
            guard clock.now < deadline, (try? await Task.sleep(for: .milliseconds(10))) != nil else { return false }
        }
        return true
    }

    /// Whether a connection is up.
    public var isConnected: Bool { link != nil }

    /// The account the adapter trades.
    public var account: String? { link?.account }

    private func serveOneConnection() async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(TWSMessageDecoder()))
                    return try NIOAsyncChannel<[String], ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var messages = inbound.makeAsyncIterator()
            try await outbound.write(TWSFraming.opening())
            guard let reply = try await messages.next(), reply.count == 2, let version = Int(reply[0]), version >= 176, version <= TWSProtocol.serverVersion else {
                throw VenueError(.unavailable, message: "the gateway's handshake answer is not a server version from 176 to \(TWSProtocol.serverVersion)")
            }
            try await outbound.write(TWSFraming.frame(StartAPI(clientID: configuration.clientID).encoded(serverVersion: version)))
            var accounts: [String]?
            var validID: Int?
            while accounts == nil || validID == nil {
                guard let message = try await messages.next() else { throw VenueError(.unavailable, message: "the gateway closed the connection while starting the API") }
                switch message.first {
                case "15": accounts = try ManagedAccounts.decode(message, serverVersion: version).accounts.split(separator: ",").map(String.init)
                case "9": validID = try NextValidID.decode(message, serverVersion: version).orderID
                case "4":
                    let error = try ErrorMessage.decode(message, serverVersion: version)
                    if error.code == 326 { throw VenueError(.unavailable, venueReason: "326", message: error.text) }
                default: break
                }
            }
            let account = configuration.account ?? accounts?.first ?? ""
            guard accounts?.contains(account) == true else {
                throw VenueError(.unauthorized, message: "the gateway does not manage account \(account) (it manages \(accounts?.joined(separator: ",") ?? ""))")
            }
            let (frames, output) = AsyncStream.makeStream(of: ByteBuffer.self)
            let limit = configuration.messagesPerSecond
            // The writer: frames in order, at most `limit` a second; it ends with the stream.
            let writer = Task {
                var throttle = MessageThrottle(limit: limit)
                for await frame in frames {
                    try await throttle.take()
                    try await outbound.write(frame)
                }
            }
            defer {
                output.finish()
                writer.cancel()
            }
            connected(Link(outbound: output, serverVersion: version, account: account), nextValidID: validID ?? 1)
            while let message = try await messages.next() { dispatch(message) }
        }
    }

    private func connected(_ link: Link, nextValidID: Int) {
        self.link = link
        self.nextValidID = max(self.nextValidID, nextValidID)
        connectivityLost = false
        sessions += 1
        logger.info("IB connection up", metadata: ["server_version": "\(link.serverVersion)", "account": "\(link.account)"])
        for waiter in connectionWaiters { waiter.resume() }
        connectionWaiters.removeAll()
        if sessions > 1 { updates.yield(.gap(since: lastExecutionTime, reason: "reconnected to the gateway")) }
    }

    private func disconnected(reason: String) {
        link?.outbound.finish()
        link = nil
        let error = VenueError(.unavailable, message: reason)
        for (_, request) in pending { request.continuation.resume(throwing: error) }
        pending.removeAll()
        for (_, waiter) in settlements { waiter.resume(throwing: VenueError(.timeout, message: "\(reason) before the gateway answered")) }
        settlements.removeAll()
    }

    /// Sends `message` on the live connection.
    ///
    /// - Throws: ``VenueError`` `not_sent` when there is no connection.
    func send(_ message: some TWSMessage) throws(VenueError) {
        guard let link else { throw VenueError(.notSent, message: "not connected to the gateway") }
        link.outbound.yield(TWSFraming.frame(message.encoded(serverVersion: link.serverVersion)))
    }

    /// A new request id, in a range order ids never reach (so an error's id is unambiguous).
    func requestID() -> Int {
        nextRequestID += 1
        return nextRequestID
    }

    /// The server version of the live connection (178 when none).
    var serverVersion: Int { link?.serverVersion ?? TWSProtocol.serverVersion }

    /// What happens to orders, from now on (see ``OrderGateway/events()``).
    public nonisolated func events() -> AsyncStream<VenueUpdate> { updates.subscribe() }
}
