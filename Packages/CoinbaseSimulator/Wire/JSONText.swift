import Foundation

/// A JSON number written as its digits (Coinbase sends some amounts as long JSON numbers).
struct JSONNumber: Sendable {
    /// The number's text, as JSON writes it.
    let text: String
}

/// JSON text of the simulator's answers, written from the values the handlers build (strings,
/// booleans, integers, ``JSONNumber``s, `NSNull`, arrays and string-keyed dictionaries), keys in
/// sorted order. Written directly, Swift values only: Foundation's `JSONSerialization` bridges every
/// dictionary and array to its Objective-C counterpart first, which was half of a request's cost.
enum JSONText {
    /// The JSON text of `value`; a value of another type is written as `null`.
    static func bytes(_ value: Any) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1_024)
        write(value, into: &out)
        return out
    }

    private static func write(_ value: Any, into out: inout [UInt8]) {
        switch value {
        case let text as String: write(string: text, into: &out)
        case let flag as Bool: out += Array((flag ? "true" : "false").utf8)
        case let number as Int: out += Array(String(number).utf8)
        case let number as Int64: out += Array(String(number).utf8)
        case let number as Double where number.isFinite: out += Array("\(number)".utf8)
        case let number as JSONNumber: out += Array(number.text.utf8)
        case let object as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(string: key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(object[key] as Any, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        case let array as [Any]:
            out.append(UInt8(ascii: "["))
            for (index, element) in array.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        default: out += Array("null".utf8)
        }
    }

    private static func write(string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case ..<0x20: out += Array("\\u".utf8) + Array(String(0x10000 + Int(byte), radix: 16).utf8.dropFirst())
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
