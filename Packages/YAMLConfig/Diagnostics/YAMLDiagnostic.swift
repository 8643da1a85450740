/// One finding about a YAML document: what is wrong (a stable code), where, at which key path, and
/// a message for people.
///
/// Parsing throws a diagnostic for a fatal problem; decoding collects them all.
public struct YAMLDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Hashable, Sendable, Comparable, Codable {
        /// Worth knowing; fails a run only under a strict policy.
        case warning
        /// The document cannot be used.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The stable code of a finding, a snake_case string. New codes are additions, not breaking
    /// changes; tools and tests match on ``rawValue``.
    public struct Code: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
        /// The snake_case spelling.
        public let rawValue: String
        /// Creates a code from its snake_case spelling.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// Creates a code from a string literal.
        public init(stringLiteral value: String) { self.rawValue = value }
        public var description: String { rawValue }
    }

    /// What is wrong.
    public var code: Code
    /// How serious it is.
    public var severity: Severity
    /// Where the offending value (or key) is.
    public var origin: YAMLOrigin
    /// The dotted key path (`risk.max_daily_loss_pct`, `tiers[0].symbols[2]`); empty for the root.
    public var path: String
    /// What is wrong, for people. Never contains a secret value.
    public var message: String

    /// Creates a diagnostic.
    public init(code: Code, severity: Severity = .error, origin: YAMLOrigin, path: String, message: String) {
        self.code = code
        self.severity = severity
        self.origin = origin
        self.path = path
        self.message = message
    }

    /// `file:line:column: error: code: path: message`, as compilers print it.
    public var description: String {
        let pathPart = path.isEmpty ? "" : "\(path): "
        return "\(origin): \(severity.rawValue): \(code): \(pathPart)\(message)"
    }
}
