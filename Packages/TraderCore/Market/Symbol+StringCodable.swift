extension Symbol: StringCodable {
    /// Parses the canonical spelling only (`BTC-USD`); configuration loaders that accept venue
    /// spellings normalize with ``Symbol/parse(_:)``.
    public init?(_ description: String) {
        self.init(canonical: description)
    }

    public static var expectedFormat: String { "a BASE-QUOTE symbol" }
}
