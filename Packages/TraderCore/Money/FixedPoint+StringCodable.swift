extension FixedPoint: StringCodable {
    /// Parses the decimal strings venues send (`"0.00000001"`, `"65432.1"`, `"-3"`, `"+2.50"`),
    /// exactly. Returns `nil` for anything else: exponents, more than eight significant fraction
    /// digits, or a value outside the range.
    public init?(_ description: String) {
        var text = description
        guard let raw = text.withUTF8(Self.parseRaw) else { return nil }
        self.init(raw: raw)
    }

    /// The raw value of a decimal spelled in ASCII bytes, or `nil`.
    private static func parseRaw(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        var value: Int64 = 0
        var digitCount = 0
        var fractionDigits = -1  // -1 until the point is seen
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "."), fractionDigits < 0 {
                fractionDigits = 0
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            digitCount += 1
            if fractionDigits >= 0 {
                guard fractionDigits < Self.fractionDigits else {
                    if digit != 0 { return nil }  // a significant ninth fraction digit
                    continue
                }
                fractionDigits += 1
            }
            guard let next = appendingDigit(digit, to: value) else { return nil }
            value = next
        }
        guard digitCount > 0 else { return nil }
        for _ in Swift.max(0, fractionDigits)..<Self.fractionDigits {
            guard let next = appendingDigit(0, to: value) else { return nil }
            value = next
        }
        return negative ? -value : value
    }

    /// The shortest exact decimal spelling: `65432.1`, `0.00000001`, `-3`.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendDescription(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
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
