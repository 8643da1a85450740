/// A single-value container over one node; every primitive routes to the session's checked
/// decoding, with the rule the parent set on this value.
struct NodeSingleValueContainer: SingleValueDecodingContainer {
    let decoder: NodeDecoder

    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        guard let node = decoder.node else { return false }
        return node.resolved == .null
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try checked(type) }

    func decode(_ type: Bool.Type) throws -> Bool { try checked(type) }
    func decode(_ type: String.Type) throws -> String { try checked(type) }
    func decode(_ type: Double.Type) throws -> Double { try checked(type) }
    func decode(_ type: Float.Type) throws -> Float { try checked(type) }
    func decode(_ type: Int.Type) throws -> Int { try checked(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try checked(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try checked(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try checked(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try checked(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try checked(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try checked(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try checked(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try checked(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try checked(type) }

    /// Routes every overload to the session's checked decoding.
    private func checked<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.session.decode(type, node: decoder.node, path: decoder.path, rule: decoder.rule)
    }
}
