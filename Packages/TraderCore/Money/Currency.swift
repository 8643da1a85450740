/// A currency or asset code (`USD`, `BTC`, `USDC`): 1 to 12 upper-case letters or digits.
public struct Currency: Hashable, Comparable, Sendable {
    /// The code.
    public let code: String

    /// Creates a currency from a code known to be valid; ``init(_:)`` parses untrusted text.
    ///
    /// - Precondition: `code` is a valid asset code (``Symbol/isAssetCode(_:)``).
    public init(code: String) {
        precondition(Symbol.isAssetCode(code), "invalid currency code \(code)")
        self.code = code
    }

    /// US dollars.
    public static let usd = Currency(code: "USD")

    public static func < (lhs: Currency, rhs: Currency) -> Bool { lhs.code < rhs.code }
}

extension Currency: StringCodable {
    /// Parses a code; `nil` when it is not 1 to 12 upper-case letters or digits.
    public init?(_ description: String) {
        guard Symbol.isAssetCode(description) else { return nil }
        self.code = description
    }

    public var description: String { code }
    public static var expectedFormat: String { "a currency code such as USD" }
}
