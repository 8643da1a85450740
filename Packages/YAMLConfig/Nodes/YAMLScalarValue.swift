/// A scalar resolved by the YAML 1.2 core schema: a plain `42` is an integer, `4.5` a number, `true`
/// a boolean, `~` null; anything quoted is a string.
///
/// Decodable: a field of this type accepts any scalar and keeps what it resolved to, for free-form
/// parameters.
public enum YAMLScalarValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `~`, `null` or nothing.
    case null
    /// `true` or `false` (any of YAML 1.2's spellings).
    case bool(Bool)
    /// A whole number that fits `Int`.
    case int(Int)
    /// A finite or infinite floating-point number, or `.nan`.
    case double(Double)
    /// Any other text.
    case string(String)

    /// The value as a `Double` when it is numeric.
    public var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): String(value)
        case .int(let value): String(value)
        case .double(let value): String(value)
        case .string(let value): value
        }
    }

    /// Decodes any scalar.
    ///
    /// - Throws: ``YAMLValueError`` (`type_mismatch`) for a mapping or a list in a YAML document;
    ///   a `DecodingError` from other decoders.
    public init(from decoder: any Decoder) throws {
        if let nodeDecoder = decoder as? NodeDecoder, let node = nodeDecoder.node {
            guard let scalar = node.resolved else {
                throw YAMLValueError(code: .typeMismatch, "expected a single value, got \(node.kindDescription)")
            }
            self = scalar
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes the value as the matching JSON scalar; a non-finite number, which JSON cannot hold,
    /// as its YAML spelling (`.inf`, `-.inf`, `.nan`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value) where !value.isFinite:
            try container.encode(value.isNaN ? ".nan" : value < 0 ? "-.inf" : ".inf")
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }
}

extension YAMLNode {
    /// The scalar resolved by the YAML 1.2 core schema; `nil` for a mapping or a list.
    public var resolved: YAMLScalarValue? {
        guard let scalar else { return nil }
        guard scalar.style == .plain else { return .string(scalar.text) }
        return YAMLScalarValue.resolvePlain(scalar.text)
    }
}

extension YAMLScalarValue {
    /// Resolves a plain scalar's text by the YAML 1.2 core schema.
    static func resolvePlain(_ text: String) -> YAMLScalarValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        if let integer = parseInteger(bytes) { return .int(integer) }
        if isFloat(bytes), let value = Double(text) { return .double(value) }
        return .string(text)
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+` or `0x[0-9a-fA-F]+`, when it fits `Int`.
    private static func parseInteger(_ bytes: [UInt8]) -> Int? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            switch bytes[1] {
            case UInt8(ascii: "x"): return Int(String(decoding: bytes[2...], as: UTF8.self), radix: 16)
            case UInt8(ascii: "o"): return Int(String(decoding: bytes[2...], as: UTF8.self), radix: 8)
            default: break
            }
        }
        var digits = bytes[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        return Int(String(decoding: bytes, as: UTF8.self))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func skipSign() { if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 } }
        func countDigits() -> Int {
            let start = index
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        skipSign()
        let integerDigits = countDigits()
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionDigits = countDigits()
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            skipSign()
            guard countDigits() > 0 else { return false }
        }
        return index == bytes.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
}
