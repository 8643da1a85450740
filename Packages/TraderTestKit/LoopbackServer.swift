import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A TCP server on 127.0.0.1 that answers as each test tells it, misbehaving on purpose: the real
/// sockets HTTP clients and venue adapters are tested against.
public final class LoopbackServer: @unchecked Sendable {
    /// One accepted connection.
    public final class Connection: @unchecked Sendable {
        let descriptor: Int32
        private var buffered: [UInt8] = []

        init(descriptor: Int32) { self.descriptor = descriptor }

        /// The next request's head and body; `nil` when the client closed the connection.
        public func readRequest() -> (head: String, body: [UInt8])? {
            while true {
                if let end = headEnd() {
                    let head = String(decoding: buffered[..<end], as: UTF8.self)
                    buffered.removeFirst(end + 4)
                    let length = head.split(separator: "\r\n").compactMap { line -> Int? in
                        let parts = line.split(separator: ":", maxSplits: 1)
                        guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                        return Int(parts[1].trimmingCharacters(in: .whitespaces))
                    }.first ?? 0
                    while buffered.count < length { guard fill() else { return nil } }
                    let body = Array(buffered.prefix(length))
                    buffered.removeFirst(length)
                    return (head, body)
                }
                guard fill() else { return nil }
            }
        }

        /// Writes `text`.
        public func write(_ text: String) { write(Array(text.utf8)) }

        /// Writes `bytes`.
        public func write(_ bytes: [UInt8]) {
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                guard count > 0 else { return }
                sent += count
            }
        }

        /// Writes a response with `status`, `headers` and `body`, keeping the connection open.
        public func respond(_ status: Int, headers: [String: String] = [:], body: String = "") {
            var head = "HTTP/1.1 \(status) Status\r\nContent-Length: \(body.utf8.count)\r\n"
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
            write(head + "\r\n" + body)
        }

        /// Waits until the client closes the connection.
        public func waitForClose() {
            var byte: UInt8 = 0
            while recv(descriptor, &byte, 1, 0) > 0 {}
        }

        public func close() { Glibc.close(descriptor) }

        private func headEnd() -> Int? {
            guard buffered.count >= 4 else { return nil }
            for index in 0...(buffered.count - 4)
            where buffered[index] == 13 && buffered[index + 1] == 10 && buffered[index + 2] == 13 && buffered[index + 3] == 10 {
                return index
            }
            return nil
        }

        private func fill() -> Bool {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return false }
            buffered += chunk[..<count]
            return true
        }
    }

    /// The port it listens on.
    public let port: Int
    /// Connections accepted so far.
    public var connectionsAccepted: Int { accepted.load(ordering: .sequentiallyConsistent) }
    private let listener: Int32
    private let accepted = Atomic<Int>(0)
    private let handle: @Sendable (Connection) -> Void

    /// Listens on 127.0.0.1 on a free port; `handle` serves each connection on a thread of its own.
    public init(_ handle: @escaping @Sendable (Connection) -> Void) throws {
        self.handle = handle
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = listener
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// The URL of `path` on this server.
    public func url(_ path: String = "/") -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops listening.
    public func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            accepted.add(1, ordering: .sequentiallyConsistent)
            let connection = Connection(descriptor: client)
            let handle = handle
            Thread {
                handle(connection)
                connection.close()
            }.start()
        }
    }
}
