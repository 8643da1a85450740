/// An enabled signal as configuration names it: a registered name and numeric parameters (absent
/// ones take the registry's defaults).
public struct SignalSpec: Hashable, Sendable {
    /// The registered name (`momentum`, `whale`, ...).
    public var name: String
    /// Parameters by name.
    public var parameters: [String: Double]

    /// Creates a spec.
    public init(name: String, parameters: [String: Double] = [:]) {
        self.name = name
        self.parameters = parameters
    }
}
