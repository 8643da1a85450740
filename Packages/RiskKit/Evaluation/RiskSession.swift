import TraderCore

/// What one evaluation knows and has approved so far: NAV, exposure, open symbols and trade counts
/// move as each approval lands, so that later proposals in the same evaluation see the earlier ones.
struct RiskSession {
    let limits: RiskLimits
    let context: RiskContext
    let state: RiskState
    let portfolio: Portfolio
    /// NAV; `nil` when it could not be computed (entries are then stopped).
    let nav: FixedPoint?
    /// Held, pending and unreflected exposure, plus this evaluation's approvals.
    private(set) var exposure: Exposure
    /// Symbols held or with pending buys, plus this evaluation's entries.
    private(set) var openSymbols: Set<Symbol>
    /// Trades in the rolling hour ending now.
    private(set) var tradesInHour: Int
    /// Trades in today's calendar day.
    private(set) var tradesToday: Int
    /// The latest trade.
    private(set) var lastTrade: Timestamp?
    /// Quantity already being sold by working orders or by this evaluation, by symbol.
    private(set) var selling: [Symbol: Quantity] = [:]

    init(limits: RiskLimits, context: RiskContext, state: RiskState, portfolio: Portfolio) {
        self.limits = limits
        self.context = context
        self.state = state
        self.portfolio = portfolio
        var exposure: Exposure?
        var openSymbols = Set<Symbol>()
        for (symbol, position) in portfolio.positions where !position.isFlat { openSymbols.insert(symbol) }
        for order in portfolio.workingOrders.values {
            switch order.side {
            case .buy: openSymbols.insert(order.symbol)
            case .sell: selling[order.symbol] = Self.sum(selling[order.symbol], order.remainingQuantity)
            }
        }
        do {
            var measured = try portfolio.exposure(marks: context.marks, themeOf: { context.themes[$0] })
            for (symbol, notional) in context.unreflectedBuys where notional.raw > 0 {
                try measured.add(notional, asset: symbol.base, theme: context.themes[symbol], pending: true)
                openSymbols.insert(symbol)
            }
            exposure = measured
        } catch {
            exposure = nil
        }
        let nav = exposure == nil ? nil : try? portfolio.nav(marks: context.marks)
        self.nav = nav.flatMap { $0.raw > 0 ? $0 : nil }
        self.exposure = exposure ?? Exposure()
        self.openSymbols = openSymbols

        let hourStart = context.now.advanced(by: .seconds(-3600))
        let calendar = limits.losses.timeZone
        let today = calendar.day(of: context.now)
        var inHour = 0
        var onDay = 0
        for time in state.tradeTimes.reversed() where time <= context.now {
            let sameDay = calendar.day(of: time) == today
            if time > hourStart { inHour += 1 }
            if sameDay { onDay += 1 }
            if !sameDay && time <= hourStart { break }
        }
        tradesInHour = inHour
        tradesToday = onDay
        lastTrade = state.tradeTimes.last
    }

    /// The quantity of `symbol` held and not already being sold.
    func sellable(_ symbol: Symbol) -> Quantity {
        let held = portfolio.positions[symbol]?.quantity ?? .zero
        return held.subtracting(selling[symbol] ?? .zero) ?? .zero
    }

    /// `pct` % of NAV, rounded down; zero without a NAV.
    func amount(pctOfNAV pct: FixedPoint) -> FixedPoint {
        guard let nav else { return .zero }
        return (try? nav.multiplied(by: pct, dividedBy: FixedPoint(100), rounding: .down)) ?? .zero
    }

    /// Books an approval, so that the proposals after it see it.
    ///
    /// - Throws: ``ArithmeticError`` when the exposure would leave the fixed-point range; nothing
    ///   changes then.
    mutating func commit(_ trade: ApprovedTrade) throws(ArithmeticError) {
        let symbol = trade.proposal.symbol
        if trade.isExit {
            selling[symbol] = Self.sum(selling[symbol], trade.quantity)
        } else {
            var grown = exposure
            try grown.add(trade.notional, asset: symbol.base, theme: context.themes[symbol], pending: true)
            exposure = grown
            openSymbols.insert(symbol)
        }
        tradesInHour += 1
        tradesToday += 1
        lastTrade = context.now
    }

    /// A quantity being sold plus more; beyond the range it saturates, so sellable falls to zero
    /// (fail closed) instead of wrapping.
    private static func sum(_ quantity: Quantity?, _ more: Quantity) -> Quantity {
        (try? (quantity ?? .zero).adding(more)) ?? Quantity(.max)
    }
}
