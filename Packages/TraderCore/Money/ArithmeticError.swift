/// A fixed-point operation whose result cannot be represented, or that mixes currencies.
public struct ArithmeticError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the operation failed; stable snake_case codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The snake_case spelling.
        public let rawValue: String
        /// The result is outside the type's range.
        public static let overflow = Code(rawValue: "overflow")
        /// A division by zero, or a rounding to a zero increment.
        public static let divisionByZero = Code(rawValue: "division_by_zero")
        /// Amounts of two different currencies were combined.
        public static let currencyMismatch = Code(rawValue: "currency_mismatch")
        public var description: String { rawValue }
    }

    /// Why it failed.
    public var code: Code
    /// The operation, for people: "65432.1 × 1000000000".
    public var operation: String

    /// Creates an error.
    public init(_ code: Code, operation: String) {
        self.code = code
        self.operation = operation
    }

    public var description: String { "\(code): \(operation)" }
}
