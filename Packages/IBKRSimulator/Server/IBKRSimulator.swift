import Logging
import NIOCore
import NIOPosix
import TraderCore

/// IB Gateway on loopback: the TWS socket protocol at server version 178 (the handshake, the
/// length-prefixed framing, the requests of the reference's §10), over a ``SimulatedGateway``.
/// IB's own Python client (`ib_async`) and ``IBKRAdapter`` connect to it unchanged.
///
/// It listens on 127.0.0.1 only. A connection that breaks the handshake (a wrong banner, a client
/// whose version range excludes 178, a first message other than START_API) is closed, as TWS closes it.
public struct IBKRSimulator: Sendable {
    /// The gateway the requests reach.
    public let gateway: SimulatedGateway
    let logger: Logger

    /// A simulator of `gateway`, reporting to `logger`.
    public init(gateway: SimulatedGateway, logger: Logger = Logger(label: "trader.ibkr-sim", factory: { _ in SwiftLogNoOpLogHandler() })) {
        self.gateway = gateway
        self.logger = logger
    }

    /// Serves on 127.0.0.1:`port` (0: a free port) until the task is cancelled; `onRunning` gets the
    /// port once it listens.
    ///
    /// - Throws: what NIO throws when it cannot bind.
    public func run(port: Int = 0, onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(TWSFrameDecoder()))
                    try channel.pipeline.syncOperations.addHandler(MessageToByteHandler(TWSFrameEncoder()))
                    return try NIOAsyncChannel<[String], [String]>(wrappingChannelSynchronously: channel)
                }
            }
        await onRunning(server.channel.localAddress?.port ?? port)
        try await withThrowingDiscardingTaskGroup { group in
            try await withTaskCancellationHandler {
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask { await serve(connection) }
                    }
                }
            } onCancel: {
                server.channel.close(promise: nil)
            }
        }
    }

    /// One client's connection: the handshake, then its requests in order and the gateway's
    /// messages to it in order, until either side ends it.
    private func serve(_ connection: NIOAsyncChannel<[String], [String]>) async {
        let channel = connection.channel
        do {
            try await connection.executeThenClose { inbound, outbound in
                var messages = inbound.makeAsyncIterator()
                guard let range = try await messages.next(), Self.acceptsServerVersion(range.first ?? "") else {
                    logger.info("closed a connection whose version range excludes \(ServerMessage.serverVersion)")
                    return
                }
                try await outbound.write(ServerMessage.versionReply(connectionTime: await gateway.connectionTime))
                guard let start = try await messages.next(), start.first == "71", start.count >= 3, let clientID = Int(start[2]) else {
                    logger.info("closed a connection that did not start the API")
                    return
                }
                let (stream, output) = AsyncStream.makeStream(of: [String].self)
                guard let number = await gateway.connect(clientID: clientID, output: output) else {
                    output.finish()
                    for await message in stream { try await outbound.write(message) }
                    return
                }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        // The gateway's messages, in order; when it ends the stream (a restart), the socket closes.
                        for await message in stream { try await outbound.write(message) }
                        try? await channel.close()
                    }
                    do {
                        while let request = try await messages.next() { await gateway.handle(request, from: number) }
                    } catch {
                        logger.info("a connection ended: \(error)")
                    }
                    await gateway.disconnect(number)
                    try await group.waitForAll()
                }
            }
        } catch {
            logger.info("a connection failed: \(error)")
        }
    }

    /// Whether a client's version range (`v157..178`, optionally followed by a space and connect
    /// options) includes the simulator's version.
    static func acceptsServerVersion(_ range: String) -> Bool {
        let versions = range.split(separator: " ", maxSplits: 1).first.map { $0.dropFirst() } ?? ""
        let bounds = versions.split(separator: ".", omittingEmptySubsequences: true).compactMap { Int($0) }
        guard range.hasPrefix("v"), bounds.count == 2 else { return false }
        return bounds[0] <= ServerMessage.serverVersion && ServerMessage.serverVersion <= bounds[1]
    }
}

extension SimulatedGateway {
    /// The connection time the handshake shows: the replay's present in New York (`20131007 10:31:00 EDT`).
    var connectionTime: String { eastern.connectionTime(now) }
}
