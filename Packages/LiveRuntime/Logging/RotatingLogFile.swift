import Foundation
import Synchronization

/// A log file rotated by size: when a line would take it past ``maxBytes`` it becomes `file.1`
/// (`file.1` becomes `file.2`, and so on, the oldest past ``maxFiles`` deleted) and a new file is
/// started. Lines are written whole, each with one `write`, from any thread.
public final class RotatingLogFile: Sendable {
    /// The file written.
    public let path: String
    /// The size at which the file is rotated.
    public let maxBytes: Int
    /// Rotated files kept.
    public let maxFiles: Int
    private let state: Mutex<(handle: FileHandle?, size: Int)>

    /// Opens (or creates) `path` for appending, creating its folder.
    ///
    /// - Throws: when the file cannot be created or opened.
    public init(path: String, maxBytes: Int, maxFiles: Int) throws {
        self.path = path
        self.maxBytes = maxBytes
        self.maxFiles = maxFiles
        let handle = try Self.open(path)
        state = Mutex((handle, Int(try handle.seekToEnd())))
    }

    /// Appends `line` (which ends with a newline), rotating first when it would not fit.
    public func write(_ line: String) {
        let bytes = Data(line.utf8)
        state.withLock { state in
            if state.size > 0, state.size + bytes.count > maxBytes {
                try? state.handle?.close()
                rotate()
                state.handle = try? Self.open(path)
                state.size = 0
            }
            state.handle?.write(bytes)
            state.size += bytes.count
        }
    }

    private func rotate() {
        let manager = FileManager.default
        try? manager.removeItem(atPath: "\(path).\(maxFiles)")
        for index in stride(from: maxFiles - 1, through: 1, by: -1) {
            try? manager.moveItem(atPath: "\(path).\(index)", toPath: "\(path).\(index + 1)")
        }
        try? manager.moveItem(atPath: path, toPath: "\(path).1")
    }

    private static func open(_ path: String) throws -> FileHandle {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        return handle
    }
}
