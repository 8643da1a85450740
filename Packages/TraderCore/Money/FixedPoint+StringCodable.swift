extension FixedPoint: StringCodable {
    /// Parses the decimal strings venues send (`"0.00000001"`, `"65432.1"`, `"-3"`, `"+2.50"`),
    /// exactly. Returns `nil` for anything else: exponents, more than eight significant fraction
    /// digits, or a value outside the range.
    public init?(_ description: String) {
        var bytes = Substring(description).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let integerDigits = bytes.prefix { $0 != UInt8(ascii: ".") }
        var fractionDigits = bytes.dropFirst(integerDigits.count)
        if !fractionDigits.isEmpty { fractionDigits = fractionDigits.dropFirst() }
        guard !integerDigits.isEmpty || !fractionDigits.isEmpty else { return nil }
        while fractionDigits.count > Self.fractionDigits, fractionDigits.last == UInt8(ascii: "0") {
            fractionDigits = fractionDigits.dropLast()
        }
        guard fractionDigits.count <= Self.fractionDigits else { return nil }
        var value: Int64 = 0
        for digits in [integerDigits, fractionDigits] {
            for byte in digits {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte),
                    let next = Self.appendingDigit(byte - UInt8(ascii: "0"), to: value)
                else { return nil }
                value = next
            }
        }
        for _ in fractionDigits.count..<Self.fractionDigits {
            guard let next = Self.appendingDigit(0, to: value) else { return nil }
            value = next
        }
        self.init(raw: negative ? -value : value)
    }

    /// The shortest exact decimal spelling: `65432.1`, `0.00000001`, `-3`.
    public var description: String {
        let magnitude = raw.magnitude
        let whole = magnitude / UInt64(Self.scale)
        var fraction = magnitude % UInt64(Self.scale)
        var text = (raw < 0 ? "-" : "") + String(whole)
        guard fraction != 0 else { return text }
        var digits = Self.fractionDigits
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let fractionText = String(fraction)
        text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        return text
    }

    public static var expectedFormat: String { "a decimal number with at most 8 fraction digits" }
}

extension FixedPoint {
    /// `value × 10 + digit`, or `nil` on overflow.
    fileprivate static func appendingDigit(_ digit: UInt8, to value: Int64) -> Int64? {
        let (shifted, overflowMultiply) = value.multipliedReportingOverflow(by: 10)
        let (added, overflowAdd) = shifted.addingReportingOverflow(Int64(digit))
        return overflowMultiply || overflowAdd ? nil : added
    }
}
