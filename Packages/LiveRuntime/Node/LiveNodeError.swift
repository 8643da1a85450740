/// Why a live node refused to start.
public struct LiveNodeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, for the operator.
    public let message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
