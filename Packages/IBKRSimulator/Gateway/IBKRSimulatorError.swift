/// A gateway simulator that cannot start, or a fault it does not understand: a stable code and
/// what is wrong.
public struct IBKRSimulatorError: Error, CustomStringConvertible, Sendable {
    /// What kind of problem.
    public enum Code: String, Sendable {
        /// Market data that cannot be replayed, or a system without New York's time-zone data.
        case invalidMarket = "invalid_market"
        /// A fault that is not understood.
        case invalidFault = "invalid_fault"
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

    public var description: String { "\(code.rawValue): \(message)" }
}
