/// Bounds that make hostile input (a "billion laughs" alias bomb, deep nesting, a huge file) fail
/// fast with a diagnostic instead of exhausting memory.
public struct YAMLLimits: Hashable, Sendable {
    /// The largest file accepted, in bytes. Default 4 MiB.
    public var maxFileBytes: Int
    /// The deepest nesting of mappings and lists. Default 64.
    public var maxDepth: Int
    /// The most nodes a document may hold once every alias is expanded. Default 100,000.
    public var maxNodes: Int

    /// Creates limits; the defaults suit configuration files.
    public init(maxFileBytes: Int = 4 << 20, maxDepth: Int = 64, maxNodes: Int = 100_000) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The defaults.
    public static let `default` = YAMLLimits()
}
