import TraderCore

/// Exposure for one evaluation, valued as ``Portfolio/exposure(marks:themeOf:)`` values it (held
/// at the mark rounded toward zero, pending buys at their limit or the mark rounded up, plus fills
/// not yet in the balances), in one pass that keeps per-symbol, per-asset, per-theme and per-tier
/// sums only for what the proposals touch, in one small array compared by integer keys. Approvals add
/// to the sums as they land.
struct ExposureBook {
    /// What a sum is kept for: an asset (its packed code, see ``Symbol/baseCode``), a theme or a
    /// tier (its number), or a symbol of a tier (a tier caps each position).
    private enum Scope: Equatable {
        case asset(UInt64)
        case theme(Int)
        case tier(Int)
        case symbol(Symbol)
    }

    /// Everything held and pending.
    private(set) var total: FixedPoint = .zero
    /// The market value of everything held (NAV is cash plus this).
    private(set) var held: FixedPoint = .zero
    /// The sums kept, one per scope that a buy proposal answers to: one small array, so a book
    /// costs one allocation, or none when nothing is bought.
    private var sums: [(scope: Scope, amount: FixedPoint)] = []
    /// Whether any theme or tier is tracked (only then does adding look up a symbol's).
    private var tracksThemes = false
    private var tracksTiers = false
    /// The context's themes and tiers, read in place (a copy would retain their storage).
    private let context: UnsafePointer<RiskContext>

    /// Values `portfolio` at `context`'s marks, with sums for the scopes of `proposals`' buys.
    /// Both come by address, as the session holds them (handing over `pointee` would copy them);
    /// `context` must outlive the book.
    ///
    /// - Throws: ``RiskSession/Unpriced`` when a held symbol or a pending market buy has no mark;
    ///   ``ArithmeticError`` on overflow.
    init(portfolio: UnsafePointer<Portfolio>, context: UnsafePointer<RiskContext>, proposals: [TradeProposal]) throws {
        self.context = context
        for proposal in proposals where proposal.side == .buy {
            let symbol = proposal.symbol
            track(.asset(symbol.baseCode))
            if let theme = context.pointee.themes.number(of: symbol) {
                track(.theme(theme))
                tracksThemes = true
            }
            if let tier = context.pointee.tiers.number(of: symbol) {
                track(.tier(tier))
                track(.symbol(symbol))
                tracksTiers = true
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

    private mutating func track(_ scope: Scope) {
        if !sums.contains(where: { $0.scope == scope }) { sums.append((scope, .zero)) }
    }

    /// Adds `amount` for `symbol` to the total and to the sums of its asset, theme, tier and
    /// itself that are kept.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`; nothing changes then.
    mutating func add(_ amount: FixedPoint, symbol: Symbol) throws(ArithmeticError) {
        let newTotal = try total.adding(amount)
        let theme = tracksThemes ? context.pointee.themes.number(of: symbol) : nil
        let tier = tracksTiers ? context.pointee.tiers.number(of: symbol) : nil
        func answers(_ scope: Scope) -> Bool {
            switch scope {
            case .asset(let code): code == symbol.baseCode
            case .theme(let number): number == theme
            case .tier(let number): number == tier
            case .symbol(let tracked): tracked == symbol
            }
        }
        // Every sum is checked before any changes, so an overflow leaves the book as it was.
        for sum in sums where answers(sum.scope) { _ = try sum.amount.adding(amount) }
        total = newTotal
        for index in sums.indices where answers(sums[index].scope) {
            sums[index].amount = FixedPoint(raw: sums[index].amount.raw + amount.raw)
        }
    }

    /// The exposure of the asset of `symbol` (kept when a buy proposal names it).
    func exposure(assetOf symbol: Symbol) -> FixedPoint {
        sum(of: .asset(symbol.baseCode))
    }

    /// The exposure of the theme of `symbol` (kept when a buy proposal names a symbol of it).
    func exposure(themeOf symbol: Symbol) -> FixedPoint {
        context.pointee.themes.number(of: symbol).map { sum(of: .theme($0)) } ?? .zero
    }

    /// The exposure of the tier of `symbol` (kept when a buy proposal names a symbol of it).
    func exposure(tierOf symbol: Symbol) -> FixedPoint {
        context.pointee.tiers.number(of: symbol).map { sum(of: .tier($0)) } ?? .zero
    }

    /// The exposure of `symbol` itself (kept when a buy proposal names it and it has a tier).
    func exposure(of symbol: Symbol) -> FixedPoint {
        sum(of: .symbol(symbol))
    }

    private func sum(of scope: Scope) -> FixedPoint {
        sums.first { $0.scope == scope }?.amount ?? .zero
    }
}
