/// A value that is written as one string (`BTC-USD`, `2026-11-20T14:00:00Z`, `09:30`): it encodes
/// as its `description` and decodes by parsing a string with `init?(_:)`.
public protocol StringCodable: LosslessStringConvertible, Codable {
    /// What the string should look like, for error messages: "a BASE-QUOTE symbol".
    static var expectedFormat: String { get }
}

extension StringCodable {
    /// Decodes a string and parses it.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string does not parse.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected \(Self.expectedFormat), got \"\(text)\""))
        }
        self = value
    }

    /// Encodes the description.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
