/// JSON written straight as bytes, for files of many records (a backtest's orders and trades):
/// the same text `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`, at a
/// fraction of its cost. The caller writes an object's keys in sorted order.
public struct JSONBytes {
    /// The text so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the innermost open object or array already has a member (the next one needs a comma).
    private var hasMember: [Bool] = []

    /// An empty text.
    public init() {}

    /// Empties the text, keeping its storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        hasMember.removeAll(keepingCapacity: true)
    }

    /// Writes an object whose members `body` writes.
    public mutating func object(_ body: (inout JSONBytes) throws -> Void) rethrows {
        open(UInt8(ascii: "{"))
        try body(&self)
        close(UInt8(ascii: "}"))
    }

    /// Writes an array whose elements `body` writes.
    public mutating func array(_ body: (inout JSONBytes) throws -> Void) rethrows {
        open(UInt8(ascii: "["))
        try body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts the member `name` of the open object; its value comes next.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(addingCapacity: name.utf8CodeUnitCount + 3) { span in
            span.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { for byte in $0 { span.append(byte) } }
            span.append(UInt8(ascii: "\""))
            span.append(UInt8(ascii: ":"))
        }
        // The value that follows is the member, not a second one.
        if !hasMember.isEmpty { hasMember[hasMember.count - 1] = false }
    }

    /// Starts the member `name` (escaped) of the open object; its value comes next.
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        // The value that follows is the member, not a second one.
        if !hasMember.isEmpty { hasMember[hasMember.count - 1] = false }
    }

    /// A string, escaped as JSONEncoder escapes it (quote, backslash and control characters).
    public mutating func string(_ text: String) {
        separate()
        let utf8 = text.utf8
        bytes.append(addingCapacity: utf8.count * 6 + 2) { span in
            span.append(UInt8(ascii: "\""))
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    span.append(UInt8(ascii: "\\"))
                    span.append(byte)
                case 0x08: Self.escape(UInt8(ascii: "b"), to: &span)
                case 0x0C: Self.escape(UInt8(ascii: "f"), to: &span)
                case 0x0A: Self.escape(UInt8(ascii: "n"), to: &span)
                case 0x0D: Self.escape(UInt8(ascii: "r"), to: &span)
                case 0x09: Self.escape(UInt8(ascii: "t"), to: &span)
                case ..<0x20:
                    Self.escape(UInt8(ascii: "u"), to: &span)
                    span.append(UInt8(ascii: "0"))
                    span.append(UInt8(ascii: "0"))
                    for nibble in [byte >> 4, byte & 0xF] {
                        span.append(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10)
                    }
                default: span.append(byte)
                }
            }
            span.append(UInt8(ascii: "\""))
        }
    }

    private static func escape(_ letter: UInt8, to span: inout OutputSpan<UInt8>) {
        span.append(UInt8(ascii: "\\"))
        span.append(letter)
    }

    /// A string, or `null`.
    public mutating func string(_ text: String?) {
        guard let text else { return null() }
        string(text)
    }

    /// An exact decimal as a JSON string (as ``FixedPoint`` encodes itself).
    public mutating func decimal(_ value: FixedPoint) {
        separate()
        bytes.append(addingCapacity: FixedPoint.maxDescriptionLength + 2) { span in
            span.append(UInt8(ascii: "\""))
            value.appendDescription(to: &span)
            span.append(UInt8(ascii: "\""))
        }
    }

    /// An exact decimal as a JSON string, or `null`.
    public mutating func decimal(_ value: FixedPoint?) {
        guard let value else { return null() }
        decimal(value)
    }

    /// An instant as an ISO 8601 JSON string (as ``Timestamp`` encodes itself).
    public mutating func time(_ value: Timestamp) {
        separate()
        bytes.append(addingCapacity: ISO8601Format.maxLength + 2) { span in
            span.append(UInt8(ascii: "\""))
            ISO8601Format.append(value, to: &span)
            span.append(UInt8(ascii: "\""))
        }
    }

    /// An integer.
    public mutating func integer(_ value: Int64) {
        separate()
        ASCIIText.append(value, to: &bytes)
    }

    /// An unsigned integer.
    public mutating func integer(_ value: UInt64) {
        separate()
        bytes.append(contentsOf: value.description.utf8)
    }

    /// A finite double, in Swift's shortest form that reads back as the same value.
    mutating func number(_ value: Double) {
        separate()
        bytes.append(contentsOf: value.description.utf8)
    }

    /// `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        literal(value ? "true" : "false")
    }

    /// `null`.
    public mutating func null() {
        separate()
        literal("null")
    }

    private mutating func literal(_ text: StaticString) {
        bytes.append(addingCapacity: text.utf8CodeUnitCount) { span in
            text.withUTF8Buffer { for byte in $0 { span.append(byte) } }
        }
    }

    private mutating func separate() {
        guard let last = hasMember.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
    }

    mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        hasMember.append(false)
    }

    mutating func close(_ bracket: UInt8) {
        hasMember.removeLast()
        bytes.append(bracket)
    }
}
