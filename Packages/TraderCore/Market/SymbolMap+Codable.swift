extension SymbolMap: Encodable where Value: Encodable {
    /// Encodes as an object keyed by symbol (`{"BTC-USD": …}`).
    public func encode(to encoder: any Encoder) throws {
        try dictionary.encode(to: encoder)
    }
}

extension SymbolMap: Decodable where Value: Decodable {
    /// Decodes an object keyed by symbol.
    ///
    /// - Throws: `DecodingError` for a key that is not a canonical symbol.
    public init(from decoder: any Decoder) throws {
        self.init(try [Symbol: Value](from: decoder).map { ($0.key, $0.value) })
    }
}
