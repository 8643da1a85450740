import Testing
import TraderCore

/// The connection as bytes on a real socket: the golden handshake of the reference's §2.1 (ib_async
/// 2.1.0's capture) and the connections the gateway closes.
@Suite(.timeLimit(.minutes(1))) struct HandshakeTests {
    static let banner = Array("API\0".utf8)

    @Test func handshakeBytesMatchTheCapture() async throws {
        let harness = try await GatewayHarness()
        try await withServingSimulator(harness) { port in
            let connection = try await RawConnection.connect(port: port)
            // "API\0", then len=9 "v157..178" without a terminator; START_API 71,2,7,"" (len 8).
            let hello = Self.banner + [0, 0, 0, 9] + Array("v157..178".utf8)
            let startAPI: [UInt8] = [0, 0, 0, 8] + Array("71\u{0}2\u{0}7\u{0}\u{0}".utf8)  // the harness's client is 1
            let reply = frame(["178", "20131004 10:00:00 EDT"])
            #expect(reply.prefix(4) == [0, 0, 0, 0x1a])
            let greeting = frame(["15", "1", "DU1234567"]) + frame(["9", "1", "1"])
            let received = try await connection.exchange(hello + startAPI, reading: reply.count + greeting.count)
            #expect(Array(received.bytes.prefix(reply.count + greeting.count)) == reply + greeting)
        }
    }

    @Test func clientWhoseRangeEndsBelow178IsClosed() async throws {
        let harness = try await GatewayHarness()
        try await withServingSimulator(harness) { port in
            let received = try await RawConnection.connect(port: port).exchange(Self.banner + [0, 0, 0, 9] + Array("v100..176".utf8), reading: 1)
            #expect(received.closed && received.bytes.isEmpty)
        }
    }

    @Test func connectionWithoutTheBannerIsClosed() async throws {
        let harness = try await GatewayHarness()
        try await withServingSimulator(harness) { port in
            let received = try await RawConnection.connect(port: port).exchange(Array("GET / HTTP/1.1\r\n\r\n".utf8), reading: 1)
            #expect(received.closed && received.bytes.isEmpty)
        }
    }

    @Test func frameAboveTheProtocolLimitIsClosed() async throws {
        let harness = try await GatewayHarness()
        try await withServingSimulator(harness) { port in
            let hello = Self.banner + [0, 0, 0, 9] + Array("v157..178".utf8)
            let reply = frame(["178", "20131004 10:00:00 EDT"])
            // A length of 16 MiB + 1 where START_API should come.
            let steps = try await RawConnection.connect(port: port).conversation([(hello, reply.count), ([0x01, 0, 0, 1, 0x41], 1)])
            #expect(steps[0].bytes == reply && !steps[0].closed)
            #expect(steps[1].closed && steps[1].bytes.isEmpty)
        }
    }

    @Test func secondClientWithTheSameIDGets326AndIsClosed() async throws {
        let harness = try await GatewayHarness()
        try await withServingSimulator(harness) { port in
            let hello = Self.banner + [0, 0, 0, 9] + Array("v157..178".utf8) + frame(["71", "2", String(GatewayHarness.clientID), ""])
            let received = try await RawConnection.connect(port: port).exchange(hello, reading: 1_000)
            #expect(received.closed)
            let refusal = frame(["4", "2", "-1", "326", "Unable to connect as the client id is already in use. Retry with a unique client id.", ""])
            #expect(received.bytes.suffix(refusal.count) == refusal[...])
        }
    }
}
