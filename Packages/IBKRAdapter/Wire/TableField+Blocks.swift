extension TableField {
    /// A field after which a variable block follows, as its text says (a count of legs, a
    /// non-empty hedge type): written as `text` and `rest` (no block), read with `extra(text)`
    /// more fields skipped (`rest` included).
    ///
    /// - Throws (reading): ``TWSDecodingError`` when `extra` cannot make sense of the text
    ///   (it returns `nil`).
    static func block(
        _ name: String, writing text: String, thenWriting rest: [String] = [], since: Int = 0, extra: @escaping @Sendable (String) -> Int?
    ) -> TableField {
        TableField(
            name, since: since, write: { _, out in out.append(text); out.append(contentsOf: rest) },
            read: { _, cursor throws(TWSDecodingError) in
                let value = try cursor.text(name)
                guard let count = extra(value), count >= 0 else {
                    throw TWSDecodingError(message: cursor.message, field: name, index: cursor.index - 1, text: value, problem: "is not a count")
                }
                cursor.skip(count)
            })
    }

    /// A count field whose items are `width` fields each.
    static func countedBlock(_ name: String, width: Int) -> TableField {
        block(name, writing: "0") { text in text.isEmpty ? 0 : Int(text).map { $0 * width } }
    }
}

extension TableField {
    /// A count, then that many values of `codec`.
    static func list<Value>(_ name: String, _ keyPath: WritableKeyPath<Message, [Value]> & Sendable, _ codec: FieldCodec<Value>) -> TableField {
        TableField(
            name,
            write: { message, out in
                let values = message[keyPath: keyPath]
                out.append(String(values.count))
                out.append(contentsOf: values.map(codec.write))
            },
            read: { message, cursor throws(TWSDecodingError) in
                let count = try cursor.next("\(name) count", .int)
                guard count >= 0, count <= TWSProtocol.maxMessageLength else {
                    throw TWSDecodingError(message: cursor.message, field: "\(name) count", index: cursor.index - 1, text: String(count), problem: "is not a count")
                }
                var values: [Value] = []
                values.reserveCapacity(min(count, 100_000))
                for _ in 0..<count { values.append(try cursor.next(name, codec)) }
                message[keyPath: keyPath] = values
            })
    }
}
