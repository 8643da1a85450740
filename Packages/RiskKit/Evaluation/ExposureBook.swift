import TraderCore

/// Exposure for one evaluation, valued as ``Portfolio/exposure(marks:themeOf:)`` values it (held
/// at the mark rounded toward zero, pending buys at their limit or the mark rounded up, plus fills
/// not yet in the balances), in one pass that keeps per-asset, per-theme, per-tier and per-symbol
/// sums only for what the proposals touch. Approvals add to the sums as they land.
///
/// The sums live in one small array (one allocation, none when nothing is bought), grouped by
/// kind, each found by comparing a key of two integers within its kind's range.
struct ExposureBook {
    /// One sum: its key (an asset's packed code, see ``Symbol/baseCode``; a theme's or a tier's
    /// number; a symbol's two codes; the second word is 0 but for a symbol) and its amount.
    private struct Sum {
        let key: (UInt64, UInt64)
        var amount: FixedPoint
    }

    /// Everything held and pending.
    private(set) var total: FixedPoint = .zero
    /// The market value of everything held (NAV is cash plus this).
    private(set) var held: FixedPoint = .zero
    /// The sums kept: assets, then themes, then tiers, then the symbols of tiers (a tier caps each
    /// position), each kind from its start to the next kind's.
    private var sums: [Sum] = []
    private var themesStart = 0
    private var tiersStart = 0
    private var symbolsStart = 0
    /// The context's themes and tiers.
    // perf: read in place through the session's address of the context (see RiskSession): a copy
    // would retain their storage on every evaluation.
    private let context: UnsafePointer<RiskContext>

    /// Values `portfolio` at `context`'s marks, with sums for the scopes of `proposals`' buys.
    /// Both come by address, as the session holds them (handing over `pointee` would copy them);
    /// `context` must outlive the book.
    ///
    /// - Throws: ``RiskSession/Unpriced`` when a held symbol or a pending market buy has no mark;
    ///   ``ArithmeticError`` on overflow.
    init(portfolio: UnsafePointer<Portfolio>, context: UnsafePointer<RiskContext>, proposals: [TradeProposal]) throws {
        self.context = context
        // By index, reading only the side and symbol: `for proposal in` would copy each proposal.
        func forEachBuy(_ body: (Symbol) -> Void) {
            for index in proposals.indices where proposals[index].side == .buy { body(proposals[index].symbol) }
        }
        var buys = 0
        forEachBuy { _ in buys += 1 }
        if buys > 0 { sums.reserveCapacity(buys * 4) }  // at most one sum of each kind per buy
        forEachBuy { track(($0.baseCode, 0), from: 0) }
        themesStart = sums.count
        if !context.pointee.themes.names.isEmpty {
            forEachBuy { symbol in
                guard let theme = context.pointee.themes.number(of: symbol) else { return }
                track((UInt64(theme), 0), from: themesStart)
            }
        }
        tiersStart = sums.count
        if !context.pointee.tiers.tiers.isEmpty {
            forEachBuy { symbol in
                guard let tier = context.pointee.tiers.number(of: symbol) else { return }
                track((UInt64(tier), 0), from: tiersStart)
            }
        }
        symbolsStart = sums.count
        if tiersStart < symbolsStart {
            forEachBuy { symbol in
                guard context.pointee.tiers.number(of: symbol) != nil else { return }
                track(symbol.key, from: symbolsStart)
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
            case .stop(let trigger):
                // A buy stop fills at its trigger or above: at least the trigger, at the mark once past it.
                guard let mark = context.pointee.marks[order.symbol] else { throw RiskSession.Unpriced(symbol: order.symbol) }
                price = max(trigger, mark)
            }
            try add(price.notional(of: order.remainingQuantity, rounding: .up), symbol: order.symbol)
        }
        for (symbol, notional) in context.pointee.unreflectedBuys where notional.raw > 0 { try add(notional, symbol: symbol) }
    }

    /// Starts a sum for `key`, unless its kind (from `start` on) has one.
    private mutating func track(_ key: (UInt64, UInt64), from start: Int) {
        if index(of: key, in: start..<sums.count) == nil { sums.append(Sum(key: key, amount: .zero)) }
    }

    private func index(of key: (UInt64, UInt64), in range: Range<Int>) -> Int? {
        range.first { sums[$0].key == key }
    }

    /// Adds `amount` for `symbol` to the total and to the sums of its asset, theme, tier and
    /// itself that are kept.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`; nothing changes then.
    mutating func add(_ amount: FixedPoint, symbol: Symbol) throws(ArithmeticError) {
        let newTotal = try total.adding(amount)
        let asset = index(of: (symbol.baseCode, 0), in: 0..<themesStart)
        let theme = themesStart == tiersStart ? nil : themeIndex(of: symbol)
        let tier = tiersStart == symbolsStart ? nil : tierIndex(of: symbol)
        let own = symbolsStart == sums.count ? nil : index(of: symbol.key, in: symbolsStart..<sums.count)
        // Every sum is worked out before any changes, so an overflow leaves the book as it was.
        func added(_ index: Int?) throws(ArithmeticError) -> FixedPoint? {
            try index.map { (index) throws(ArithmeticError) in try sums[index].amount.adding(amount) }
        }
        let newAsset = try added(asset)
        let newTheme = try added(theme)
        let newTier = try added(tier)
        let newOwn = try added(own)
        total = newTotal
        if let asset, let newAsset { sums[asset].amount = newAsset }
        if let theme, let newTheme { sums[theme].amount = newTheme }
        if let tier, let newTier { sums[tier].amount = newTier }
        if let own, let newOwn { sums[own].amount = newOwn }
    }

    private func themeIndex(of symbol: Symbol) -> Int? {
        context.pointee.themes.number(of: symbol).flatMap { index(of: (UInt64($0), 0), in: themesStart..<tiersStart) }
    }

    private func tierIndex(of symbol: Symbol) -> Int? {
        context.pointee.tiers.number(of: symbol).flatMap { index(of: (UInt64($0), 0), in: tiersStart..<symbolsStart) }
    }

    /// The exposure of the asset of `symbol` (kept when a buy proposal names it).
    func exposure(assetOf symbol: Symbol) -> FixedPoint {
        index(of: (symbol.baseCode, 0), in: 0..<themesStart).map { sums[$0].amount } ?? .zero
    }

    /// The exposure of the theme of `symbol` (kept when a buy proposal names a symbol of it).
    func exposure(themeOf symbol: Symbol) -> FixedPoint {
        themeIndex(of: symbol).map { sums[$0].amount } ?? .zero
    }

    /// The exposure of the tier of `symbol` (kept when a buy proposal names a symbol of it).
    func exposure(tierOf symbol: Symbol) -> FixedPoint {
        tierIndex(of: symbol).map { sums[$0].amount } ?? .zero
    }

    /// The exposure of `symbol` itself (kept when a buy proposal names it and it has a tier).
    func exposure(of symbol: Symbol) -> FixedPoint {
        index(of: symbol.key, in: symbolsStart..<sums.count).map { sums[$0].amount } ?? .zero
    }
}

extension Symbol {
    /// The symbol as an ``ExposureBook`` key: its two packed codes.
    fileprivate var key: (UInt64, UInt64) { (baseCode, quoteCode) }
}
