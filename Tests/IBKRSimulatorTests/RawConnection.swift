import IBKRSimulator
import NIOCore
import NIOPosix

/// A TCP client on 127.0.0.1 that writes and reads raw bytes: the tests' view of the wire.
struct RawConnection {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    static func connect(port: Int) async throws -> RawConnection {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
        }
        return RawConnection(channel: channel)
    }

    /// Writes `bytes` and reads until `count` bytes came back or the server closed the socket.
    /// - Returns: the bytes read, and whether the server closed.
    func exchange(_ bytes: [UInt8], reading count: Int) async throws -> (bytes: [UInt8], closed: Bool) {
        try await conversation([(bytes, count)])[0]
    }

    /// Each step writes its bytes and reads until its count of bytes came back or the server
    /// closed the socket (the steps after a close read nothing).
    func conversation(_ steps: [(send: [UInt8], read: Int)]) async throws -> [(bytes: [UInt8], closed: Bool)] {
        try await channel.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var results: [(bytes: [UInt8], closed: Bool)] = []
            var pending: [UInt8] = []
            var closed = false
            for (bytes, count) in steps {
                if !closed { try await outbound.write(ByteBuffer(bytes: bytes)) }
                while pending.count < count, !closed {
                    do {
                        guard var buffer = try await iterator.next() else {
                            closed = true
                            break
                        }
                        pending += buffer.readBytes(length: buffer.readableBytes) ?? []
                    } catch {
                        closed = true
                    }
                }
                let taken = Array(pending.prefix(count))
                pending.removeFirst(taken.count)
                results.append((taken, closed))
            }
            return results
        }
    }
}

/// A simulator serving on a free port of 127.0.0.1 for the duration of `body`.
func withServingSimulator(_ harness: GatewayHarness, _ body: (Int) async throws -> Void) async throws {
    let simulator = IBKRSimulator(gateway: harness.gateway)
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let server = Task { try await simulator.run { continuation.yield($0) } }
    defer { server.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { return }
    try await body(port)
}

/// One frame: the length, then each field and its terminator.
func frame(_ fields: [String]) -> [UInt8] {
    let payload: [UInt8] = fields.flatMap { Array($0.utf8) + [0] }
    let length = UInt32(payload.count)
    return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + payload
}
