extension Symbol: Codable {
    /// Decodes a canonical `BASE-QUOTE` string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for any other spelling. Configuration loaders that
    ///   accept venue spellings normalize with ``Symbol/parse(_:)`` instead.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let symbol = Symbol(canonical: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected a BASE-QUOTE symbol, got \"\(text)\""))
        }
        self = symbol
    }

    /// Encodes the canonical spelling.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
