import CurlHTTP
import TraderTestKit
import Foundation
import Testing

/// The client against real sockets on 127.0.0.1: answers of every status, connection reuse, and
/// each way a request can fail, typed by whether it can have reached the server.
@Suite struct HTTPClientTests {
    private func client(requestTimeout: Duration = .seconds(10), maxResponseBytes: Int = 1 << 20) -> HTTPClient {
        HTTPClient(configuration: .init(connectTimeout: .seconds(5), requestTimeout: requestTimeout, maxResponseBytes: maxResponseBytes))
    }

    @Test func aResponseComesBackWithItsStatusHeadersAndBodyAndTheRequestArrivesWhole() async throws {
        let seen = RequestLog()
        let server = try LoopbackServer { connection in
            while let request = connection.readRequest() {
                seen.add(request.head, request.body)
                connection.respond(201, headers: ["X-Request-Id": "r-1", "Content-Type": "application/json"], body: #"{"ok":true}"#)
            }
        }
        defer { server.stop() }
        let response = try await client().send(
            HTTPRequest(
                method: "POST", url: server.url("/api/v3/brokerage/orders?x=1"), headers: [("Authorization", "Bearer t")],
                body: Array(#"{"side":"BUY"}"#.utf8)))
        #expect(response.status == 201)
        #expect(response.header("x-request-id") == "r-1")
        #expect(response.text == #"{"ok":true}"#)
        let request = try #require(seen.all.first)
        #expect(request.head.hasPrefix("POST /api/v3/brokerage/orders?x=1 HTTP/1.1\r\n"))
        #expect(request.head.contains("Authorization: Bearer t"))
        #expect(request.body == Array(#"{"side":"BUY"}"#.utf8))
    }

    @Test func aServerErrorIsAResponseNotAnError() async throws {
        let server = try LoopbackServer { connection in
            while connection.readRequest() != nil { connection.respond(503, body: "busy") }
        }
        defer { server.stop() }
        let response = try await client().send(HTTPRequest(url: server.url()))
        #expect(response.status == 503)
        #expect(response.text == "busy")
    }

    @Test func consecutiveRequestsReuseOneConnection() async throws {
        let server = try LoopbackServer { connection in
            while connection.readRequest() != nil { connection.respond(200, body: "ok") }
        }
        defer { server.stop() }
        let client = client()
        for _ in 0..<5 { #expect(try await client.send(HTTPRequest(url: server.url())).status == 200) }
        #expect(server.connectionsAccepted == 1)
    }

    @Test func aRefusedConnectionIsNotSent() async throws {
        let server = try LoopbackServer { _ in }
        let url = server.url()
        server.stop()  // nothing listens on the port now
        await #expect { try await client().send(HTTPRequest(url: url)) } throws: { error in
            guard let error = error as? HTTPError else { return false }
            return error.code == .notSent && !error.mayHaveReachedServer
        }
    }

    @Test func aServerThatReadsTheRequestAndNeverAnswersIsAnUnknownOutcome() async throws {
        let server = try LoopbackServer { connection in
            _ = connection.readRequest()
            connection.waitForClose()
        }
        defer { server.stop() }
        await #expect { try await client(requestTimeout: .seconds(2)).send(HTTPRequest(method: "POST", url: server.url(), body: [1])) } throws: { error in
            guard let error = error as? HTTPError else { return false }
            return error.code == .outcomeUnknown && error.mayHaveReachedServer
        }
    }

    @Test func aConnectionClosedAfterTheRequestIsAnUnknownOutcome() async throws {
        let server = try LoopbackServer { connection in _ = connection.readRequest() }
        defer { server.stop() }
        await #expect { try await client().send(HTTPRequest(method: "POST", url: server.url(), body: [1])) } throws: { error in
            (error as? HTTPError)?.code == .outcomeUnknown
        }
    }

    @Test func aResponseLargerThanTheBoundIsRefused() async throws {
        let server = try LoopbackServer { connection in
            while connection.readRequest() != nil { connection.respond(200, body: String(repeating: "x", count: 100_000)) }
        }
        defer { server.stop() }
        await #expect { try await client(maxResponseBytes: 10_000).send(HTTPRequest(url: server.url())) } throws: { error in
            (error as? HTTPError)?.code == .responseTooLarge
        }
    }

    @Test func aTLSHandshakeWithAServerThatSpeaksNoTLSIsNotSent() async throws {
        let server = try LoopbackServer { connection in
            connection.write("HTTP/1.1 400 Not TLS\r\nContent-Length: 0\r\n\r\n")
            connection.waitForClose()
        }
        defer { server.stop() }
        await #expect { try await client().send(HTTPRequest(url: "https://127.0.0.1:\(server.port)/")) } throws: { error in
            (error as? HTTPError)?.code == .notSent
        }
    }

    @Test func aCancelledTaskEndsItsRequestAtOnce() async throws {
        let server = try LoopbackServer { connection in
            _ = connection.readRequest()
            connection.waitForClose()
        }
        defer { server.stop() }
        let client = client(requestTimeout: .seconds(60))
        let request = Task { try await client.send(HTTPRequest(url: server.url())) }
        while server.connectionsAccepted == 0 { try await Task.sleep(for: .milliseconds(5)) }
        request.cancel()
        await #expect { try await request.value } throws: { ($0 as? HTTPError)?.code == .cancelled }
    }
}

/// What a server saw, shared with its threads.
final class RequestLog: @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [(head: String, body: [UInt8])] = []
    func add(_ head: String, _ body: [UInt8]) { lock.withLock { requests.append((head, body)) } }
    var all: [(head: String, body: [UInt8])] { lock.withLock { requests } }
}
