#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bare API client on a plain socket that records the server's frames as they came on the wire
/// (length prefix and payload), for decoding them later without a socket.
final class RecordingClient {
    struct Failure: Error { let what: String }

    private let socketDescriptor: Int32

    /// Connects to 127.0.0.1:`port` and does the handshake and START_API as client `clientID`.
    init(port: Int, clientID: Int) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(what: "connect to \(port)") }
        try write(Array("API\0".utf8) + Self.frame(payload: Array("v176..178".utf8)))
        _ = try readFrame()  // server version and connection time
        try send(["71", "2", String(clientID), ""])
    }

    deinit { close(socketDescriptor) }

    /// Sends `request` and returns every frame up to and including the first of message `endID`.
    func record(_ request: [String], until endID: String) throws -> [UInt8] {
        try send(request)
        var stream: [UInt8] = []
        while true {
            let frame = try readFrame()
            stream += frame
            let payload = frame.dropFirst(4)
            if payload.prefix(while: { $0 != 0 }).elementsEqual(endID.utf8) { return stream }
        }
    }

    private func send(_ fields: [String]) throws {
        try write(Self.frame(payload: fields.flatMap { Array($0.utf8) + [0] }))
    }

    private static func frame(payload: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: UInt32(payload.count).bigEndian, Array.init) + payload
    }

    private func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socketDescriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw Failure(what: "send") }
            sent += count
        }
    }

    private func readFrame() throws -> [UInt8] {
        let prefix = try read(4)
        let length = prefix.reduce(0) { $0 << 8 | Int($1) }
        return prefix + (try read(length))
    }

    private func read(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            let got = bytes[received...].withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
            guard got > 0 else { throw Failure(what: "recv") }
            received += got
        }
        return bytes
    }
}
