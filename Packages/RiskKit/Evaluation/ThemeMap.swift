import TraderCore

/// Which theme each symbol belongs to, built once from the universe and reused every cycle. Themes
/// are numbered, so that summing exposure by theme compares integers, not names.
public struct ThemeMap: Hashable, Sendable {
    /// The theme names, in alphabetical order; a theme's number is its index here.
    public let names: [String]
    private let numbers: SymbolIndex

    /// A map from each symbol's theme; a symbol belongs to one theme at most.
    public init(_ themeOf: [Symbol: String] = [:]) {
        names = Set(themeOf.values).sorted()
        let numberOf = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        numbers = SymbolIndex(themeOf.mapValues { numberOf[$0]! })
    }

    /// The theme of `symbol`, if any.
    public subscript(symbol: Symbol) -> String? { numbers[symbol].map { names[$0] } }

    /// The number of `symbol`'s theme, if any.
    func number(of symbol: Symbol) -> Int? { numbers[symbol] }
}
