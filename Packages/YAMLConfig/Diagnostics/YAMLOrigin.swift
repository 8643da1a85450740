/// Where a value came from: a place in a file, or an environment variable that overrode it.
public enum YAMLOrigin: Hashable, Sendable, CustomStringConvertible {
    /// A value written in a file.
    case file(SourceLocation)
    /// A value set by an environment variable.
    case environment(variable: String)

    /// The file location, when the value came from a file.
    public var location: SourceLocation? {
        if case .file(let location) = self { return location }
        return nil
    }

    /// The variable's name, when the value came from the environment.
    public var variable: String? {
        if case .environment(let variable) = self { return variable }
        return nil
    }

    /// `file:line:column`, or `env:NAME` for an environment variable.
    public var description: String {
        switch self {
        case .file(let location): location.description
        case .environment(let variable): "env:\(variable)"
        }
    }
}
