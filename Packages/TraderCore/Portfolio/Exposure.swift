/// Exposure in the portfolio's currency: held market value plus pending buys, by symbol, by base
/// asset, by theme and in total. Amounts are exact, so caps can be checked exactly at the boundary.
public struct Exposure: Hashable, Sendable {
    /// Held plus pending, by symbol.
    public private(set) var bySymbol: [Symbol: FixedPoint] = [:]
    /// Held plus pending, by base asset (`BTC`).
    public private(set) var byAsset: [String: FixedPoint] = [:]
    /// Held plus pending, by theme; symbols without a theme are not counted here.
    public private(set) var byTheme: [String: FixedPoint] = [:]
    /// Held plus pending, everything.
    public private(set) var total: FixedPoint = .zero
    /// The pending part of ``total``: unfilled working buys.
    public private(set) var pending: FixedPoint = .zero

    /// No exposure.
    public init() {}

    /// Adds an amount for a symbol, its base asset and its theme.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`; nothing changes then.
    public mutating func add(_ amount: FixedPoint, symbol: Symbol, theme: String?, pending isPending: Bool = false)
        throws(ArithmeticError)
    {
        let asset = symbol.base
        let symbolTotal = try (bySymbol[symbol] ?? .zero).adding(amount)
        let assetTotal = try (byAsset[asset] ?? .zero).adding(amount)
        let themeTotal = try theme.map { (theme) throws(ArithmeticError) in try (byTheme[theme] ?? .zero).adding(amount) }
        let newTotal = try total.adding(amount)
        let newPending = isPending ? try pending.adding(amount) : pending
        bySymbol[symbol] = symbolTotal
        byAsset[asset] = assetTotal
        if let theme, let themeTotal { byTheme[theme] = themeTotal }
        (total, pending) = (newTotal, newPending)
    }

    /// An amount as a percentage of `nav`, for display and reports; `nil` when NAV is not positive.
    public static func percent(_ amount: FixedPoint, of nav: FixedPoint) -> Double? {
        guard nav.raw > 0 else { return nil }
        return Double(amount.raw) * 100 / Double(nav.raw)  // one rounding: ×100 is exact first
    }
}
