/// A parsed YAML file: its root node and the problems found while building the tree that did not
/// stop parsing (duplicate keys, non-string keys, unsupported tags).
public struct YAMLDocument: Hashable, Sendable {
    /// The root node; a null scalar for an empty file.
    public var root: YAMLNode
    /// Non-fatal structural findings, in file order.
    public var diagnostics: [YAMLDiagnostic]

    /// Creates a document.
    public init(root: YAMLNode, diagnostics: [YAMLDiagnostic] = []) {
        self.root = root
        self.diagnostics = diagnostics
    }
}
