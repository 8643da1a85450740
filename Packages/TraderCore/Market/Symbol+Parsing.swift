extension Symbol {
    /// What ``Symbol/parse(_:)`` made of a spelling.
    public enum ParseResult: Hashable, Sendable {
        /// The spelling was already canonical.
        case canonical(Symbol)
        /// The spelling named a pair but not canonically (`BTCUSD`, `btc-usd`); here is the pair.
        case normalized(Symbol)
        /// The spelling names no pair; the reason says why.
        case invalid(reason: String)

        /// The symbol, canonical or normalized; `nil` when the spelling is invalid.
        public var symbol: Symbol? {
            switch self {
            case .canonical(let symbol), .normalized(let symbol): symbol
            case .invalid: nil
            }
        }
    }

    /// Quote currencies recognised at the end of a separator-less spelling such as `ETHUSDT`,
    /// longest first so that `USDT` wins over `USD`.
    public static let knownQuoteCurrencies: [String] = [
        "USDC", "USDT", "EURC", "PYUSD", "DAI", "USD", "EUR", "GBP", "BTC", "ETH", "SOL",
    ].sorted { $0.count > $1.count }

    /// Parses a venue spelling of a pair.
    ///
    /// Accepts `BASE-QUOTE` (canonical), any letter case, `/` or `_` as separator, and
    /// separator-less spellings ending in one of ``knownQuoteCurrencies``.
    public static func parse(_ spelling: String) -> ParseResult {
        let trimmed = spelling.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty else { return .invalid(reason: "an empty symbol") }
        let upper = trimmed.uppercased()
        let separators: [Character] = ["-", "/", "_"]
        let parts = upper.split(omittingEmptySubsequences: false) { separators.contains($0) }
        if parts.count == 2 {
            guard isAssetCode(parts[0]), isAssetCode(parts[1]) else {
                return .invalid(reason: "asset codes must be 1 to 12 letters or digits")
            }
            let symbol = Symbol(base: String(parts[0]), quote: String(parts[1]))
            return spelling == symbol.description ? .canonical(symbol) : .normalized(symbol)
        }
        guard parts.count == 1 else {
            return .invalid(reason: "expected BASE-QUOTE with a single separator")
        }
        for quote in knownQuoteCurrencies where upper.hasSuffix(quote) && upper.count > quote.count {
            let base = String(upper.dropLast(quote.count))
            if isAssetCode(base) { return .normalized(Symbol(base: base, quote: quote)) }
        }
        return .invalid(reason: "expected BASE-QUOTE, such as BTC-USD")
    }
}

extension StringProtocol {
    fileprivate func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
