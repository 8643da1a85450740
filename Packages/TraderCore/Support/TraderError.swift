/// The one shape of the project's public errors (``VenueError``, the state store's, the engine's):
/// a stable snake_case code that callers and tests match on, a message for people that names what
/// and where, and, when something underneath failed, a description of that cause. Never a secret.
public protocol TraderError: Error, Sendable, CustomStringConvertible {
    /// The type of the code; its raw value is the stable snake_case spelling.
    associatedtype Code: RawRepresentable where Code.RawValue == String

    /// Why it failed.
    var code: Code { get }
    /// Details for people.
    var message: String { get }
    /// What failed underneath (a transport's or a database's error), when something did.
    var cause: String? { get }
}

extension TraderError {
    /// `code: message`, then `; cause: …` when there is one: the form every error prints in.
    public var standardDescription: String {
        "\(code.rawValue): \(message)" + (cause.map { "; cause: \($0)" } ?? "")
    }
}
