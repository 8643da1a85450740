extension Timestamp: StringCodable {
    /// Parses an ISO 8601 instant with an offset (see ``ISO8601Format/parse(_:)``).
    public init?(_ description: String) {
        guard let timestamp = ISO8601Format.parse(description) else { return nil }
        self = timestamp
    }

    public static var expectedFormat: String { "an ISO 8601 time such as 2026-11-20T14:00:00Z" }
}
