/// An error a custom decoding throws for a value of the right shape that is still wrong. The decoder
/// records it as a diagnostic at the value's origin and key path.
public struct YAMLValueError: Error, Hashable, Sendable {
    /// The stable code of the finding.
    public var code: YAMLDiagnostic.Code
    /// What is wrong, for people; it must not repeat a secret value.
    public var message: String

    /// Creates an error.
    public init(code: YAMLDiagnostic.Code = .invalidValue, _ message: String) {
        self.code = code
        self.message = message
    }
}
