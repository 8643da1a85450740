/// An artifact could not be written: the path and the system's reason.
public struct ArtifactError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file or folder.
    public let path: String
    /// What went wrong (the C library's message).
    public let message: String

    /// Creates an error.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: error: io: message`.
    public var description: String { "\(path): error: io: \(message)" }
}
