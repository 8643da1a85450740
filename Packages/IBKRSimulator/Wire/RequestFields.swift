import TraderCore

/// A client's request, read field by field by position: the message id first, then what its
/// layout says. Every accessor applies the protocol's UNSET rules (an empty field, `2147483647`,
/// `9223372036854775807` or a double at `Double.greatestFiniteMagnitude` means "not set") and
/// fails with a ``TWSWireError`` naming the message, the index and the text, never trapping.
struct RequestFields {
    /// The fields, the message id at index 0.
    let fields: [String]
    /// Where the next ``next()`` reads.
    private(set) var index = 1

    init(_ fields: [String]) { self.fields = fields }

    /// The message id.
    var messageID: Int? { fields.first.flatMap { Int($0) } }

    /// The field at the cursor, moving past it; a missing trailing field reads as empty (the
    /// official client omits some at the end).
    mutating func next() -> String {
        defer { index += 1 }
        return index < fields.count ? fields[index] : ""
    }

    /// Skips `count` fields.
    mutating func skip(_ count: Int) { index += count }

    /// An integer field; `nil` when UNSET.
    mutating func int(_ name: String) throws(TWSWireError) -> Int? {
        let text = next()
        if Self.isUnset(text) { return nil }
        guard let value = Int(text) else { throw problem(name, text, "is not an integer") }
        return value
    }

    /// An integer field that must be set.
    mutating func requiredInt(_ name: String) throws(TWSWireError) -> Int {
        guard let value = try int(name) else { throw problem(name, "", "is required") }
        return value
    }

    /// A boolean field (`0`/`1`; UNSET reads as false).
    mutating func bool(_ name: String) throws(TWSWireError) -> Bool {
        guard let value = try int(name) else { return false }
        return value != 0
    }

    /// A decimal field (prices, quantities), exact; `nil` when UNSET.
    mutating func decimal(_ name: String) throws(TWSWireError) -> FixedPoint? {
        let text = next()
        if Self.isUnset(text) { return nil }
        if let value = FixedPoint(text) { return value }
        // Accept any strtod form a client writes (`1e2`, `189.50000001`), rounded to the nearest unit.
        guard let double = Double(text), double.isFinite, let value = FixedPoint(nearest: double) else {
            throw problem(name, text, "is not a decimal number")
        }
        return value
    }

    /// A text field.
    mutating func string(_ name: String) -> String { next() }

    /// Whether `text` is one of the protocol's spellings of "not set".
    static func isUnset(_ text: String) -> Bool {
        if text.isEmpty || text == "2147483647" || text == "9223372036854775807" { return true }
        if let double = Double(text), double >= 1.79e308 { return true }
        return false
    }

    private func problem(_ name: String, _ text: String, _ what: String) -> TWSWireError {
        TWSWireError("message \(fields.first ?? "?") field \(index - 1) (\(name)) \"\(text.prefix(32))\" \(what)")
    }
}
