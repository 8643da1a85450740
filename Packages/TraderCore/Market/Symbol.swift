/// A tradable pair in canonical `BASE-QUOTE` form (`BTC-USD`): upper-case asset codes of letters and
/// digits joined by one hyphen.
///
/// Venues spell pairs differently (`BTCUSD`, `btc-usd`, `BTC/USD`, `BTC_USD`); ``parse(_:)`` maps
/// those spellings to the canonical form and says whether it had to normalize.
///
/// Each code is kept packed into an integer (base 37, left-aligned, so that integer order is the
/// codes' alphabetical order), and the strings are rebuilt on demand: a symbol is 16 plain bytes,
/// copied without reference counting, and hashing, equality and ordering work on two integers, which
/// makes it as cheap a dictionary key as an `Int` pair.
public struct Symbol: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// ``base`` packed into an integer (see the type's documentation); for fast keys in the package.
    @usableFromInline package let baseCode: UInt64
    /// ``quote`` packed into an integer.
    @usableFromInline package let quoteCode: UInt64

    /// The asset bought or sold (`BTC` in `BTC-USD`).
    public var base: String { Self.unpacked(baseCode) }
    /// The asset the price is quoted in (`USD` in `BTC-USD`).
    public var quote: String { Self.unpacked(quoteCode) }

    /// Creates a symbol from two asset codes.
    ///
    /// - Precondition: both codes are valid asset codes (see ``isAssetCode(_:)``).
    public init(base: String, quote: String) {
        precondition(Self.isAssetCode(base) && Self.isAssetCode(quote), "invalid asset code in \(base)-\(quote)")
        baseCode = Self.packed(base)
        quoteCode = Self.packed(quote)
    }

    /// Parses a symbol that is already canonical (`BTC-USD`); returns `nil` for any other spelling.
    public init?(canonical text: String) {
        guard case .canonical(let symbol) = Self.parse(text) else { return nil }
        self = symbol
    }

    /// The canonical spelling, `BASE-QUOTE`.
    public var description: String {
        // Written in one pass (interpolating `base` and `quote` cost more than the rest of an
        // order id); each code is stripped of its padding once.
        let base = Self.stripped(baseCode)
        let quote = Self.stripped(quoteCode)
        return String(unsafeUninitializedCapacity: base.count + 1 + quote.count) { buffer in
            let afterBase = Self.write(base, into: buffer, at: 0)
            buffer[afterBase] = UInt8(ascii: "-")
            return Self.write(quote, into: buffer, at: afterBase + 1)
        }
    }

    @inlinable public static func < (lhs: Symbol, rhs: Symbol) -> Bool {
        (lhs.baseCode, lhs.quoteCode) < (rhs.baseCode, rhs.quoteCode)
    }

    @inlinable public static func == (lhs: Symbol, rhs: Symbol) -> Bool {
        lhs.baseCode == rhs.baseCode && lhs.quoteCode == rhs.quoteCode
    }

    public func hash(into hasher: inout Hasher) {
        // One word: equal symbols still hash equally, and the mix keeps BTC-USD apart from USD-BTC.
        hasher.combine(baseCode &* 0x9E37_79B9_7F4A_7C15 ^ quoteCode)
    }

    /// The hash `Set` and `Dictionary` use, mixed from the two codes and the per-process seed.
    // perf: the splitmix64 finalizer instead of a full SipHash round: a symbol key costs about what
    // an `Int` key costs. Equal symbols hash equally; the seed still varies the hash between processes.
    public func _rawHashValue(seed: Int) -> Int {
        SeededMix.hash((baseCode &* 0x9E37_79B9_7F4A_7C15) ^ quoteCode, seed: seed)
    }

    /// A valid asset code as a number: each character a base-37 digit (`0`–`9` are 1–10, `A`–`Z`
    /// 11–36), padded with zeros to 12 digits. 37¹² < 2⁶³, so every code has its own number.
    package static func packed(_ code: String) -> UInt64 {
        var value: UInt64 = 0
        var digits = 0
        for byte in code.utf8 {
            let digit = byte <= UInt8(ascii: "9") ? UInt64(byte - UInt8(ascii: "0") + 1) : UInt64(byte - UInt8(ascii: "A") + 11)
            value = value * 37 + digit
            digits += 1
        }
        for _ in digits..<12 { value *= 37 }
        return value
    }

    /// The code `packed(_:)` made `value` from: the padding zeros stripped, then one character per
    /// base-37 digit (no character is the digit 0). At most 12 bytes, so the string is stored inline.
    private static func unpacked(_ value: UInt64) -> String {
        let code = stripped(value)
        return String(unsafeUninitializedCapacity: code.count) { write(code, into: $0, at: 0) }
    }

    /// The digits of a packed code without its padding zeros, and how many there are.
    private static func stripped(_ value: UInt64) -> (digits: UInt64, count: Int) {
        var remaining = value
        var count = 12
        while remaining % 37 == 0 && count > 0 {
            remaining /= 37
            count -= 1
        }
        return (remaining, count)
    }

    /// Writes a code that ``stripped(_:)`` returned into `buffer` from `start`; returns the index
    /// after it.
    private static func write(
        _ code: (digits: UInt64, count: Int), into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int
    ) -> Int {
        var (remaining, count) = code
        for index in stride(from: start + count - 1, through: start, by: -1) {
            let digit = UInt8(remaining % 37)
            remaining /= 37
            buffer[index] = digit <= 10 ? UInt8(ascii: "0") + digit - 1 : UInt8(ascii: "A") + digit - 11
        }
        return start + count
    }

    /// Whether `code` is a valid asset code: 1 to 12 upper-case ASCII letters or digits, with at
    /// least one letter.
    public static func isAssetCode(_ code: some StringProtocol) -> Bool {
        guard (1...12).contains(code.utf8.count) else { return false }
        var hasLetter = false
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): hasLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): continue
            default: return false
            }
        }
        return hasLetter
    }
}
