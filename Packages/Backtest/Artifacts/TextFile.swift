#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A text file written through the C library's buffer: artifacts stream to disk a line at a time
/// without holding the run in memory.
final class TextFile {
    let path: String
    private var handle: UnsafeMutablePointer<FILE>?

    /// Creates (or truncates) the file.
    init(path: String) throws(ArtifactError) {
        self.path = path
        guard let handle = fopen(path, "w") else { throw ArtifactError(path: path, message: String(cString: strerror(errno))) }
        // A 1 MiB buffer: the C library's default (a page) makes a system call every few lines.
        setvbuf(handle, nil, _IOFBF, 1 << 20)
        self.handle = handle
    }

    /// Appends `text`.
    func write(_ text: String) throws(ArtifactError) {
        guard let handle else { throw ArtifactError(path: path, message: "already closed") }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == text.utf8.count else { throw ArtifactError(path: path, message: String(cString: strerror(errno))) }
    }

    /// Appends raw bytes.
    func write(_ bytes: [UInt8]) throws(ArtifactError) {
        guard let handle else { throw ArtifactError(path: path, message: "already closed") }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, handle) }
        guard written == bytes.count else { throw ArtifactError(path: path, message: String(cString: strerror(errno))) }
    }

    /// Flushes and closes; later writes fail.
    func close() throws(ArtifactError) {
        guard let handle else { return }
        self.handle = nil
        guard fclose(handle) == 0 else { throw ArtifactError(path: path, message: String(cString: strerror(errno))) }
    }

    deinit {
        if let handle { fclose(handle) }
    }
}
