/// Numbers written as ASCII text straight into a byte buffer, for writers of large files (a
/// backtest's artifacts, a million lines): building a `String` per value costs more than the value.
///
/// perf: the writers take an `OutputSpan`, which a caller opens once per line with
/// `Array.append(addingCapacity:initializingWith:)`: appending to the array byte by byte checks
/// its storage for every byte, and that was most of the cost of writing the artifacts.
public enum ASCIIText {
    /// The most bytes ``appendDigits(of:width:to:)`` writes beyond `width`: `UInt64.max`'s digits.
    public static let maxDigits = 20

    /// Writes `value` in decimal, with a minus sign when negative (at most 20 bytes).
    @inlinable public static func append(_ value: Int64, to span: inout OutputSpan<UInt8>) {
        if value < 0 { span.append(UInt8(ascii: "-")) }
        appendDigits(of: value.magnitude, width: 1, to: &span)
    }

    /// Writes `magnitude` in decimal, left-padded with zeros to at least `width` digits.
    @inlinable public static func appendDigits(of magnitude: UInt64, width: Int, to span: inout OutputSpan<UInt8>) {
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        // Zeros first, then the digits written over them from the right (a division by the
        // constant ten is a multiplication).
        span.append(repeating: UInt8(ascii: "0"), count: Swift.max(digits, width))
        var index = span.count
        rest = magnitude
        while rest > 0 {
            index -= 1
            span[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
    }

    /// Appends `value` in decimal to `bytes`.
    public static func append(_ value: Int64, to bytes: inout [UInt8]) {
        bytes.append(addingCapacity: maxDigits + 1) { append(value, to: &$0) }
    }
}

extension FixedPoint {
    /// The most bytes ``appendDescription(to:)-(OutputSpan<UInt8>)`` writes.
    public static let maxDescriptionLength = 21

    /// Writes ``description`` (the shortest exact decimal spelling), at most 21 bytes.
    @inlinable public func appendDescription(to span: inout OutputSpan<UInt8>) {
        let magnitude = raw.magnitude
        if raw < 0 { span.append(UInt8(ascii: "-")) }
        ASCIIText.appendDigits(of: magnitude / UInt64(Self.scale), width: 1, to: &span)
        var fraction = magnitude % UInt64(Self.scale)
        guard fraction != 0 else { return }
        var digits = Self.fractionDigits
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        span.append(UInt8(ascii: "."))
        ASCIIText.appendDigits(of: fraction, width: digits, to: &span)
    }

    /// Appends ``description`` to `bytes`.
    public func appendDescription(to bytes: inout [UInt8]) {
        bytes.append(addingCapacity: Self.maxDescriptionLength) { appendDescription(to: &$0) }
    }
}

extension ISO8601Format {
    /// The most bytes ``append(_:to:)-(_,OutputSpan<UInt8>)`` writes.
    public static let maxLength = 48

    /// Writes ``format(_:)`` of `timestamp`, at most 48 bytes.
    public static func append(_ timestamp: Timestamp, to span: inout OutputSpan<UInt8>) {
        // Floor division, so that the earliest instant (Int64.min nanoseconds) has no overflow.
        let (quotient, remainder) = timestamp.nanosecondsSinceEpoch.quotientAndRemainder(dividingBy: 1_000_000_000)
        let seconds = remainder < 0 ? quotient - 1 : quotient
        let nanoseconds = remainder < 0 ? remainder + 1_000_000_000 : remainder
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = UInt64(seconds - days * 86_400)
        let (year, month, day) = civilFromDays(days)
        if year < 0 {
            var digits = 1
            var rest = year.magnitude / 10
            while rest > 0 {
                digits += 1
                rest /= 10
            }
            for _ in 0..<Swift.max(0, 3 - digits) { span.append(UInt8(ascii: "0")) }
            span.append(UInt8(ascii: "-"))
            ASCIIText.appendDigits(of: UInt64(year.magnitude), width: 1, to: &span)
        } else {
            ASCIIText.appendDigits(of: UInt64(year), width: 4, to: &span)
        }
        span.append(UInt8(ascii: "-"))
        ASCIIText.appendDigits(of: UInt64(month), width: 2, to: &span)
        span.append(UInt8(ascii: "-"))
        ASCIIText.appendDigits(of: UInt64(day), width: 2, to: &span)
        span.append(UInt8(ascii: "T"))
        appendClock(secondOfDay: secondOfDay, to: &span)
        if nanoseconds > 0 {
            var fraction = UInt64(nanoseconds)
            var digits = 9
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            span.append(UInt8(ascii: "."))
            ASCIIText.appendDigits(of: fraction, width: digits, to: &span)
        }
        span.append(UInt8(ascii: "Z"))
    }

    /// Writes `HH:MM:SS` of a second of the day.
    public static func appendClock(secondOfDay: UInt64, to span: inout OutputSpan<UInt8>) {
        ASCIIText.appendDigits(of: secondOfDay / 3600, width: 2, to: &span)
        span.append(UInt8(ascii: ":"))
        ASCIIText.appendDigits(of: secondOfDay / 60 % 60, width: 2, to: &span)
        span.append(UInt8(ascii: ":"))
        ASCIIText.appendDigits(of: secondOfDay % 60, width: 2, to: &span)
    }

    /// Appends ``format(_:)`` of `timestamp` to `bytes`.
    public static func append(_ timestamp: Timestamp, to bytes: inout [UInt8]) {
        bytes.append(addingCapacity: maxLength) { append(timestamp, to: &$0) }
    }
}
