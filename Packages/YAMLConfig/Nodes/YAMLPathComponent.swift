/// One step of a path into a YAML tree: a mapping key or a list position.
public enum YAMLPathComponent: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral
{
    /// A mapping key.
    case key(String)
    /// A zero-based list position.
    case index(Int)

    /// A key from a string literal.
    public init(stringLiteral value: String) { self = .key(value) }
    /// A list position from an integer literal.
    public init(integerLiteral value: Int) { self = .index(value) }

    public var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }

    /// The dotted spelling of a path: `tiers[0].symbols[2]`.
    public static func render(_ path: some Sequence<YAMLPathComponent>) -> String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key):
                let shown = key.count > Quoted.maxCharacters ? key.prefix(Quoted.maxCharacters) + "…" : key[...]
                text += text.isEmpty ? String(shown) : ".\(shown)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
