/// A secret value (an API key, a private key, a webhook URL). It prints as `<redacted>` and is not
/// `Codable`, so it cannot reach a log line, an audit record or a state file by accident.
public struct Secret: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    private let value: String

    /// Wraps a secret value.
    public init(_ value: String) {
        self.value = value
    }

    /// The value itself, for the one place that must send it (a request signer, an HTTP client).
    public func reveal() -> String { value }

    /// `<redacted>`.
    public var description: String { "<redacted>" }
    /// `<redacted>`.
    public var debugDescription: String { "<redacted>" }
}
