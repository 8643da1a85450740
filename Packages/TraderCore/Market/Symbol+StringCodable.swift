extension Symbol: StringCodable {
    /// Parses the canonical spelling only (`BTC-USD`); configuration loaders that accept venue
    /// spellings normalize with ``Symbol/parse(_:)``.
    public init?(_ description: String) {
        self.init(canonical: description)
    }

    public static var expectedFormat: String { "a BASE-QUOTE symbol" }
}

extension Symbol: CodingKeyRepresentable {
    /// The symbol as a dictionary key (`BTC-USD`), so a map by symbol encodes as an object.
    public var codingKey: any CodingKey { AnyCodingKey(description) }

    /// The symbol a dictionary key names, in canonical form; `nil` for anything else.
    public init?<Key: CodingKey>(codingKey: Key) { self.init(codingKey.stringValue) }
}
