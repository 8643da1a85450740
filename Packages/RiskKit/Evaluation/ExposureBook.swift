import TraderCore

/// Exposure for one evaluation, valued as ``Portfolio/exposure(marks:themeOf:)`` values it (held
/// at the mark rounded toward zero, pending buys at their limit or the mark rounded up, plus fills
/// not yet in the balances), in one pass that keeps per-symbol, per-asset, per-theme and per-tier
/// sums only for what the proposals touch, in small arrays compared by integer keys. Approvals add
/// to the sums as they land.
struct ExposureBook {
    /// Everything held and pending.
    private(set) var total: FixedPoint = .zero
    /// The market value of everything held (NAV is cash plus this).
    private(set) var held: FixedPoint = .zero
    /// The tracked assets' packed codes (see ``Symbol/baseCode``), and the sums.
    private var assets: [UInt64] = []
    private var assetAmounts: [FixedPoint] = []
    /// The tracked theme numbers, and the sums.
    private var themes: [Int] = []
    private var themeAmounts: [FixedPoint] = []
    /// The tracked tier numbers, and the sums.
    private var tiers: [Int] = []
    private var tierAmounts: [FixedPoint] = []
    /// The tracked symbols of tiers (a tier caps each position), and the sums.
    private var symbols: [Symbol] = []
    private var symbolAmounts: [FixedPoint] = []
    private let themeMap: ThemeMap
    private let tierMap: TierMap

    /// Values `portfolio` at `context`'s marks, with sums for the assets and themes of `proposals`.
    /// Both come by address, as the session holds them (handing over `pointee` would copy them).
    ///
    /// - Throws: ``RiskSession/Unpriced`` when a held symbol or a pending market buy has no mark;
    ///   ``ArithmeticError`` on overflow.
    init(portfolio: UnsafePointer<Portfolio>, context: UnsafePointer<RiskContext>, proposals: [TradeProposal]) throws {
        themeMap = context.pointee.themes
        tierMap = context.pointee.tiers
        for proposal in proposals where proposal.side == .buy {
            if let tier = tierMap.number(of: proposal.symbol) {
                if !tiers.contains(tier) {
                    tiers.append(tier)
                    tierAmounts.append(.zero)
                }
                if !symbols.contains(proposal.symbol) {
                    symbols.append(proposal.symbol)
                    symbolAmounts.append(.zero)
                }
            }
            let asset = proposal.symbol.baseCode
            if !assets.contains(asset) {
                assets.append(asset)
                assetAmounts.append(.zero)
            }
            if let theme = themeMap.number(of: proposal.symbol), !themes.contains(theme) {
                themes.append(theme)
                themeAmounts.append(.zero)
            }
        }
        for (symbol, position) in portfolio.pointee.positions where !position.isFlat {
            guard let mark = context.pointee.marks[symbol] else { throw RiskSession.Unpriced(symbol: symbol) }
            let value = try position.marketValue(at: mark)
            held = try held.adding(value)
            try add(value, symbol: symbol)
        }
        for order in portfolio.pointee.workingOrders.values where order.side == .buy {
            let price: Price
            switch order.kind {
            case .limit(let limit, _): price = limit
            case .market:
                guard let mark = context.pointee.marks[order.symbol] else { throw RiskSession.Unpriced(symbol: order.symbol) }
                price = mark
            }
            try add(price.notional(of: order.remainingQuantity, rounding: .up), symbol: order.symbol)
        }
        for (symbol, notional) in context.pointee.unreflectedBuys where notional.raw > 0 { try add(notional, symbol: symbol) }
    }

    /// Adds `amount` for `symbol` to the total and to its symbol's, asset's, theme's and tier's
    /// sums when tracked.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`; nothing changes then.
    mutating func add(_ amount: FixedPoint, symbol: Symbol) throws(ArithmeticError) {
        let newTotal = try total.adding(amount)
        let assetIndex = assets.firstIndex(of: symbol.baseCode)
        let themeIndex = themes.isEmpty ? nil : themeMap.number(of: symbol).flatMap { themes.firstIndex(of: $0) }
        let tierIndex = tiers.isEmpty ? nil : tierMap.number(of: symbol).flatMap { tiers.firstIndex(of: $0) }
        let symbolIndex = symbols.isEmpty ? nil : symbols.firstIndex(of: symbol)
        let newAsset = try assetIndex.map { (index) throws(ArithmeticError) in try assetAmounts[index].adding(amount) }
        let newTheme = try themeIndex.map { (index) throws(ArithmeticError) in try themeAmounts[index].adding(amount) }
        let newTier = try tierIndex.map { (index) throws(ArithmeticError) in try tierAmounts[index].adding(amount) }
        let newSymbol = try symbolIndex.map { (index) throws(ArithmeticError) in try symbolAmounts[index].adding(amount) }
        total = newTotal
        if let assetIndex, let newAsset { assetAmounts[assetIndex] = newAsset }
        if let themeIndex, let newTheme { themeAmounts[themeIndex] = newTheme }
        if let tierIndex, let newTier { tierAmounts[tierIndex] = newTier }
        if let symbolIndex, let newSymbol { symbolAmounts[symbolIndex] = newSymbol }
    }

    /// The exposure of the asset of `symbol` (tracked when a buy proposal names it).
    func exposure(assetOf symbol: Symbol) -> FixedPoint {
        assets.firstIndex(of: symbol.baseCode).map { assetAmounts[$0] } ?? .zero
    }

    /// The exposure of the theme of `symbol` (tracked when a buy proposal names it).
    func exposure(themeOf symbol: Symbol) -> FixedPoint {
        themeMap.number(of: symbol).flatMap { themes.firstIndex(of: $0) }.map { themeAmounts[$0] } ?? .zero
    }

    /// The exposure of the tier of `symbol` (tracked when a buy proposal names a symbol of it).
    func exposure(tierOf symbol: Symbol) -> FixedPoint {
        tierMap.number(of: symbol).flatMap { tiers.firstIndex(of: $0) }.map { tierAmounts[$0] } ?? .zero
    }

    /// The exposure of `symbol` itself (tracked when a buy proposal names it and it has a tier).
    func exposure(of symbol: Symbol) -> FixedPoint {
        symbols.firstIndex(of: symbol).map { symbolAmounts[$0] } ?? .zero
    }
}
