/// One message's layout, shared by its encoder and its decoder: the message id, its version field
/// when it has one, then each field in order with the server version it appeared at. A field added
/// at a version is listed once, with that version; both directions skip it below.
public struct FieldTable<Message: Sendable>: Sendable {
    /// The message's name in IB's sources (`ORDER_STATUS`).
    public let name: String
    /// The message id, the first field.
    public let id: Int
    /// The message's own version field (not the server version), when it has one.
    public let version: Int?
    /// The fields after the id and the version.
    public let fields: [TableField<Message>]

    /// A table.
    public init(_ name: String, id: Int, version: Int? = nil, _ fields: [TableField<Message>]) {
        self.name = name
        self.id = id
        self.version = version
        self.fields = fields
    }

    /// The message's fields at `serverVersion`.
    public func encode(_ message: Message, serverVersion: Int) -> [String] {
        var out = [String(id)]
        out.reserveCapacity(fields.count + 2)
        if let version { out.append(String(version)) }
        for field in fields where field.isPresent(at: serverVersion) { field.write(message, &out) }
        return out
    }

    /// Reads a message written at `serverVersion` into `blank` (whose defaults stand for fields
    /// the table skips).
    ///
    /// - Throws: ``TWSDecodingError`` naming the message, the field and its index, for a field that
    ///   is missing or not of its type, or a message of another id.
    public func decode(_ text: [String], serverVersion: Int, into blank: Message) throws(TWSDecodingError) -> Message {
        guard text.first == String(id) else {
            throw TWSDecodingError(message: name, field: "id", index: 0, text: text.first ?? "", problem: "is not \(id)")
        }
        var cursor = FieldCursor(text, message: name, start: version == nil ? 1 : 2)
        var message = blank
        for field in fields where field.isPresent(at: serverVersion) { try field.read(&message, &cursor) }
        return message
    }
}

/// One field of a table (or a run of them, for the blocks a count or a flag makes variable).
public struct TableField<Message: Sendable>: Sendable {
    /// The field's name in IB's sources.
    public let name: String
    /// The server version the field appeared at.
    public let since: Int
    /// The server version the field was removed at, if it was.
    public let until: Int?
    let write: @Sendable (Message, inout [String]) -> Void
    let read: @Sendable (inout Message, inout FieldCursor) throws(TWSDecodingError) -> Void

    /// A field from its two directions.
    public init(
        _ name: String, since: Int = 0, until: Int? = nil, write: @escaping @Sendable (Message, inout [String]) -> Void,
        read: @escaping @Sendable (inout Message, inout FieldCursor) throws(TWSDecodingError) -> Void
    ) {
        self.name = name
        self.since = since
        self.until = until
        self.write = write
        self.read = read
    }

    /// Whether the field is in messages at `serverVersion`.
    public func isPresent(at serverVersion: Int) -> Bool { since <= serverVersion && until.map { serverVersion < $0 } ?? true }

    /// A field holding `keyPath`'s value, by `codec`.
    public static func value<Value>(_ name: String, _ keyPath: WritableKeyPath<Message, Value> & Sendable, _ codec: FieldCodec<Value>, since: Int = 0)
        -> TableField
    {
        TableField(
            name, since: since, write: { message, out in out.append(codec.write(message[keyPath: keyPath])) },
            read: { message, cursor throws(TWSDecodingError) in message[keyPath: keyPath] = try cursor.next(name, codec) })
    }

    /// Fields the model does not keep: written as `texts` (what IB's clients send for "unset"),
    /// skipped when read.
    public static func fixed(_ name: String, _ texts: String..., since: Int = 0, until: Int? = nil) -> TableField {
        TableField(name, since: since, until: until, write: { _, out in out.append(contentsOf: texts) }, read: { _, cursor in cursor.skip(texts.count) })
    }
}

/// A decoder's place in a message's fields.
public struct FieldCursor {
    let fields: [String]
    let message: String
    /// The index of the next field.
    public private(set) var index: Int

    init(_ fields: [String], message: String, start: Int) {
        self.fields = fields
        self.message = message
        index = start
    }

    /// Whether fields remain.
    public var hasMore: Bool { index < fields.count }

    /// The next field read by `codec`.
    ///
    /// - Throws: ``TWSDecodingError`` when the field is missing or not a value of the codec's type.
    public mutating func next<Value>(_ name: String, _ codec: FieldCodec<Value>) throws(TWSDecodingError) -> Value {
        guard index < fields.count else { throw TWSDecodingError(message: message, field: name, index: index, text: "", problem: "is missing") }
        let text = fields[index]
        guard let value = codec.read(text) else {
            throw TWSDecodingError(message: message, field: name, index: index, text: text, problem: "is not a valid value")
        }
        index += 1
        return value
    }

    /// The next field's text.
    ///
    /// - Throws: ``TWSDecodingError`` when it is missing.
    public mutating func text(_ name: String) throws(TWSDecodingError) -> String { try next(name, .string) }

    /// Moves past `count` fields (past the end is caught by the next read).
    public mutating func skip(_ count: Int) { index += count }
}

/// A message that does not decode: which message, which field, where and what it held.
public struct TWSDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message's name (`EXECUTION_DATA`).
    public let message: String
    /// The field's name.
    public let field: String
    /// The field's index in the message (the id is 0).
    public let index: Int
    /// The field's text (at most 40 characters of it).
    public let text: String
    /// What is wrong.
    public let problem: String

    /// An error; `text` is shortened to 40 characters.
    public init(message: String, field: String, index: Int, text: String, problem: String) {
        self.message = message
        self.field = field
        self.index = index
        self.text = String(text.prefix(40))
        self.problem = problem
    }

    public var description: String { "\(message) field \(index) (\(field)) \"\(text)\" \(problem)" }
}
