/// A tradable pair in canonical `BASE-QUOTE` form (`BTC-USD`): upper-case asset codes of letters and
/// digits joined by one hyphen.
///
/// Venues spell pairs differently (`BTCUSD`, `btc-usd`, `BTC/USD`, `BTC_USD`); ``parse(_:)`` maps
/// those spellings to the canonical form and says whether it had to normalize.
public struct Symbol: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The asset bought or sold (`BTC` in `BTC-USD`).
    public let base: String
    /// The asset the price is quoted in (`USD` in `BTC-USD`).
    public let quote: String

    /// Creates a symbol from two asset codes.
    ///
    /// - Precondition: both codes are valid asset codes (see ``isAssetCode(_:)``).
    public init(base: String, quote: String) {
        precondition(Self.isAssetCode(base) && Self.isAssetCode(quote), "invalid asset code in \(base)-\(quote)")
        self.base = base
        self.quote = quote
    }

    /// Parses a symbol that is already canonical (`BTC-USD`); returns `nil` for any other spelling.
    public init?(canonical text: String) {
        guard case .canonical(let symbol) = Self.parse(text) else { return nil }
        self = symbol
    }

    /// The canonical spelling, `BASE-QUOTE`.
    public var description: String { "\(base)-\(quote)" }

    public static func < (lhs: Symbol, rhs: Symbol) -> Bool {
        (lhs.base, lhs.quote) < (rhs.base, rhs.quote)
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
