/// Integers written in decimal straight into a string's storage: order, venue and trade ids are
/// numbered on every order, and `String(n)` with a concatenation costs more than the rest of
/// making one. Always inlined: each is a few instructions per digit where it is used.
package enum DecimalDigits {
    /// The bytes `value` takes in decimal, its minus sign included.
    @inlinable @inline(__always) package static func count(of value: Int) -> Int {
        var digits = value < 0 ? 2 : 1
        var rest = value.magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        return digits
    }

    /// Writes `value` in decimal into `buffer` from `start`; returns the index after its last digit.
    ///
    /// - Precondition: `digits` is ``count(of:)`` of `value` (the caller sized the buffer with it).
    @inlinable @inline(__always) package static func write(
        _ value: Int, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        let end = start + digits
        var index = end
        var rest = value.magnitude
        repeat {
            index -= 1
            buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        } while rest > 0
        if value < 0 { buffer[index - 1] = UInt8(ascii: "-") }
        return end
    }
}
