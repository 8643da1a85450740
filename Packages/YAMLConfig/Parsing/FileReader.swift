#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls, refusing it before reading when it is over a size limit.
enum FileReader {
    static func contents(ofFile path: String, maxBytes: Int) throws(YAMLDiagnostic) -> [UInt8] {
        let origin = YAMLOrigin.file(SourceLocation(file: path, line: 1, column: 1))
        func failure(_ code: YAMLDiagnostic.Code, _ message: String) -> YAMLDiagnostic {
            YAMLDiagnostic(code: code, origin: origin, path: "", message: message)
        }
        // Non-blocking, so that a FIFO without a writer cannot hold the open; refused just below.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { throw failure(.unreadableFile, "cannot open: \(errnoDescription())") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(.unreadableFile, "cannot stat: \(errnoDescription())") }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw failure(.unreadableFile, "not a regular file") }
        let size = Int(status.st_size)
        guard size <= maxBytes else {
            throw failure(.fileTooLarge, "the file has \(size) bytes; the limit is \(maxBytes)")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw failure(.unreadableFile, "read failed: \(errnoDescription())") }
            filled += count
        }
        return bytes
    }

    static func errnoDescription() -> String {
        String(cString: strerror(errno))
    }
}
