#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The single-instance lock on a state file: an exclusive `flock` on `<state file>.lock`, which
/// holds the owner's process id. The kernel drops the lock when its process ends however it ends,
/// so a lock left by a killed process is recovered by the next open without any guesswork; the
/// stale pid in the file is simply overwritten.
public final class StateLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock for the state file at `statePath`.
    ///
    /// - Throws: ``StoreError`` `locked` naming the process that holds it, or `io`.
    public init(statePath: String) throws(StoreError) {
        path = statePath + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError(.io, "cannot open lock file \(path): \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.readPID(descriptor)
            close(descriptor)
            throw StoreError(
                .locked, "state file \(statePath) is in use by process \(holder.map(String.init) ?? "unknown") (lock \(path))")
        }
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        self.descriptor = descriptor
    }

    deinit {
        _ = ftruncate(descriptor, 0)
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    private static func readPID(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, 31, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count].filter { (48...57).contains($0) }, as: UTF8.self))
    }
}
