extension Timestamp: Codable {
    /// Decodes an ISO 8601 instant with an offset.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for malformed text.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let timestamp = ISO8601Format.parse(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected an ISO 8601 time, got \"\(text)\""))
        }
        self = timestamp
    }

    /// Encodes the ISO 8601 spelling in UTC.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
