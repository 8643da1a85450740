import TraderCore

/// An event or request the engine cannot take.
public struct EngineError: TraderError, Hashable {
    /// A stable code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The snake_case name.
        public let rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// An event for an order the engine did not create.
        public static let unknownOrder = Code(rawValue: "unknown_order")
        /// Saved state written by another format version.
        public static let unsupportedState = Code(rawValue: "unsupported_state")
        /// Saved state that contradicts itself (a working order the engine does not hold).
        public static let inconsistentState = Code(rawValue: "inconsistent_state")
        /// A venue's report of an order that contradicts itself or the order (a filled size its
        /// fills do not add up to, another symbol or side).
        public static let inconsistentReport = Code(rawValue: "inconsistent_report")
        /// A venue snapshot that does not say what became of every order the engine must settle.
        public static let incompleteSnapshot = Code(rawValue: "incomplete_snapshot")
        public var description: String { rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// Details for people.
    public let message: String
    /// What failed underneath, when something did.
    public let cause: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { standardDescription }
}
