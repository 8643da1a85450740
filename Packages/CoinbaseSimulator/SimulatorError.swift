/// A simulator that cannot start, or a control request it refuses: a stable code and what is wrong.
public struct SimulatorError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A key file or key that cannot be used.
        public static let invalidKey = Code(rawValue: "invalid_key")
        /// Market data or products that cannot be replayed.
        public static let invalidMarket = Code(rawValue: "invalid_market")
        /// A fault or control request that is not understood.
        public static let invalidControl = Code(rawValue: "invalid_control")
    }

    /// The code.
    public let code: Code
    /// What is wrong, and where.
    public let message: String

    /// An error with `code` and `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
