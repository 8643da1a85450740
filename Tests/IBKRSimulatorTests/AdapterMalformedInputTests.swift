import IBKRAdapter
@testable import IBKRSimulator
import NIOCore
import NIOPosix
import Synchronization
import Testing
import TraderCore

/// A gateway that speaks the handshake and then whatever the test scripts: what IBKRAdapter does
/// with messages no real gateway should send.
final class ScriptedGateway: Sendable {
    /// Messages sent right after the greeting, before anything the client asks.
    let afterGreeting: [[String]]
    /// Raw bytes sent after those.
    let rawAfterGreeting: [UInt8]
    let connections = Mutex(0)

    init(afterGreeting: [[String]], rawAfterGreeting: [UInt8]) {
        self.afterGreeting = afterGreeting
        self.rawAfterGreeting = rawAfterGreeting
    }

    /// Serves on a free port for the duration of `body`; answers REQ_CURRENT_TIME with 1380895200.
    func serve(_ body: (Int) async throws -> Void) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(TWSFrameDecoder()))
                    return try NIOAsyncChannel<[String], ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let port = server.channel.localAddress?.port ?? 0
        let accepting = Task {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await connection in connections { group.addTask { try? await self.script(connection) } }
                }
            }
        }
        defer {
            accepting.cancel()
            server.channel.close(promise: nil)
        }
        try await body(port)
    }

    private func script(_ connection: NIOAsyncChannel<[String], ByteBuffer>) async throws {
        connections.withLock { $0 += 1 }
        try await connection.executeThenClose { inbound, outbound in
            var requests = inbound.makeAsyncIterator()
            _ = try await requests.next()
            try await outbound.write(TWSFraming.frame(["178", "20131004 10:00:00 EDT"]))
            _ = try await requests.next()
            try await outbound.write(TWSFraming.frame(["15", "1", "DU1"]))
            try await outbound.write(TWSFraming.frame(["9", "1", "1"]))
            for message in afterGreeting { try await outbound.write(TWSFraming.frame(message)) }
            if !rawAfterGreeting.isEmpty { try await outbound.write(ByteBuffer(bytes: rawAfterGreeting)) }
            while let request = try await requests.next() {
                if request.first == "49" { try await outbound.write(TWSFraming.frame(["49", "1", "1380895200"])) }
            }
        }
    }
}

@Suite(.timeLimit(.minutes(1))) struct AdapterMalformedInputTests {
    static func adapter(port: Int) -> IBKRAdapter {
        IBKRAdapter(
            configuration: IBKRConfiguration(
                port: port, clientID: 3, products: [], orderIDs: CountingOrderIDs(), requestTimeout: .seconds(5), baseBackoff: .milliseconds(20),
                maxBackoff: .milliseconds(100)))
    }

    @Test func malformedMessagesAreDroppedAndTheConnectionServesOn() async throws {
        // An execution whose price is not a number (32 fields), one cut short, a commission cut
        // short, an order status and a bar count that are not numbers, an unknown id, an empty frame.
        let badPrice = ["11", "-1", "1", "5", "SPY", "STK", "", "0.0", "", "", "SMART", "USD", "SPY", "SPY", "e1", "20131004 10:00:00 US/Eastern", "DU1", "ARCA", "BOT", "10", "abc"]
            + [String](repeating: "", count: 11)
        let gateway = ScriptedGateway(
            afterGreeting: [["11", "-1", "1"], badPrice, ["59", "1", "e1", "1", "USD"], ["3", "x"], ["999", "1"], ["17", "1", "", "", "-5"], []],
            rawAfterGreeting: [])
        try await gateway.serve { port in
            let adapter = Self.adapter(port: port)
            let connection = Task { try await adapter.run() }
            defer { connection.cancel() }
            await adapter.waitUntilConnected()
            // The answer comes after the garbage on the same socket: every bad message was handled first.
            let time = try await adapter.serverTime()
            #expect(time == Timestamp(secondsSinceEpoch: 1_380_895_200))
            #expect(await adapter.isConnected)
        }
        #expect(gateway.connections.withLock { $0 } == 1)
    }

    @Test func frameAboveTheProtocolLimitClosesTheConnectionAndTheAdapterReconnects() async throws {
        let gateway = ScriptedGateway(afterGreeting: [], rawAfterGreeting: [0x01, 0x00, 0x00, 0x01, 0x41])
        try await gateway.serve { port in
            let adapter = Self.adapter(port: port)
            let connection = Task { try await adapter.run() }
            defer { connection.cancel() }
            await adapter.waitUntilConnected()
            while gateway.connections.withLock({ $0 }) < 3 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(gateway.connections.withLock { $0 } >= 3)
        }
    }
}
