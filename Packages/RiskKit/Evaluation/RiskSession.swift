import TraderCore

/// What one evaluation knows and has approved so far: NAV, exposure, open positions and trade
/// counts move as each approval lands, so that later proposals in the same evaluation see the
/// earlier ones.
///
/// Noncopyable: a session is built once per evaluation and only borrowed or changed in place
/// after that. (As a copyable struct, its initializer copied it once on the way out, and the
/// copy retained every array its exposure book holds.)
struct RiskSession: ~Copyable {
    /// A held symbol or a pending market buy without a mark: NAV and exposure fail closed.
    struct Unpriced: Error {
        let symbol: Symbol
    }

    /// The evaluation's inputs: the arguments of ``RiskEngine/evaluate(_:portfolio:context:state:)``,
    /// which a session never outlives.
    // perf: read in place through their addresses. Stored as copies (limits, context, risk memory
    // and portfolio, each holding several collections) they cost about 2,400 instructions per
    // evaluation, 7 % of the 1 M-bar benchmark (measured with callgrind, 2,434 → 2,610 a bar).
    private let limitsAddress: UnsafePointer<RiskLimits>
    private let contextAddress: UnsafePointer<RiskContext>
    private let stateAddress: UnsafePointer<RiskState>
    private let portfolioAddress: UnsafePointer<Portfolio>
    var limits: RiskLimits { unsafeAddress { limitsAddress } }
    var context: RiskContext { unsafeAddress { contextAddress } }
    var state: RiskState { unsafeAddress { stateAddress } }
    var portfolio: Portfolio { unsafeAddress { portfolioAddress } }
    /// NAV; `nil` when it could not be computed (entries are then stopped).
    let nav: FixedPoint?
    /// `max_total_pct` of NAV, and `max_size_pct` of NAV: the same for every proposal (zero when
    /// no proposal is an entry, the only kind that reads them).
    let totalCap: FixedPoint
    let largestEntry: FixedPoint
    /// Held, pending and unreflected exposure, plus this evaluation's approvals; `nil` without a NAV.
    private(set) var exposure: ExposureBook?
    /// How many symbols are held or have pending buys, plus this evaluation's new entries.
    private(set) var openPositions: Int
    /// Symbols with pending buys or unreflected fills but nothing held, and new entries.
    private var openWithoutHolding: [Symbol]
    /// Trades in the rolling hour ending now.
    private(set) var tradesInHour: Int
    /// Trades in today's calendar day.
    private(set) var tradesToday: Int
    /// The latest trade.
    private(set) var lastTrade: Timestamp?
    /// Today's number in the loss calendar, and its instants (pacing and the daily loss stop).
    let day: Int
    let today: Range<Timestamp>
    /// Quantity being sold, by working sell orders and this evaluation's approved exits, for the
    /// symbols that sell proposals name.
    private var selling: [(symbol: Symbol, quantity: Quantity)] = []

    /// A session over the inputs at these addresses, which must stay valid while it lives.
    init(
        limits: UnsafePointer<RiskLimits>, context: UnsafePointer<RiskContext>, state: UnsafePointer<RiskState>,
        portfolio: UnsafePointer<Portfolio>, proposals: [TradeProposal]
    ) {
        limitsAddress = limits
        contextAddress = context
        stateAddress = state
        portfolioAddress = portfolio
        var open = 0
        var pendingOnly: [Symbol] = []
        func markOpen(_ symbol: Symbol) {
            guard portfolio.pointee.positions[symbol]?.isFlat ?? true, !pendingOnly.contains(symbol) else { return }
            pendingOnly.append(symbol)
            open += 1
        }
        for (_, position) in portfolio.pointee.positions where !position.isFlat { open += 1 }
        // An underlying whose options are held is open, as a spot position would be.
        for (contract, position) in portfolio.pointee.optionPositions where !position.isFlat { markOpen(contract.underlying) }
        var selling: [(symbol: Symbol, quantity: Quantity)] = []
        for order in portfolio.pointee.workingOrders.values {
            if order.side == .buy {
                markOpen(order.symbol)
            } else if proposals.contains(where: { $0.side == .sell && $0.symbol == order.symbol }) {
                selling.append((order.symbol, order.remainingQuantity))
            }
        }
        self.selling = selling
        for (symbol, notional) in context.pointee.unreflectedBuys where notional.raw > 0 { markOpen(symbol) }
        openPositions = open
        openWithoutHolding = pendingOnly
        // Built in place: binding it to a constant first would copy every array it holds.
        exposure = try? ExposureBook(portfolio: portfolio, context: context, proposals: proposals)
        if let held = exposure?.held, let nav = try? portfolio.pointee.cash.adding(held), nav.raw > 0 {
            self.nav = nav
        } else {
            self.nav = nil
            exposure = nil
        }
        // Only entries read the caps: an evaluation of exits alone skips the two wide divisions.
        let entering = proposals.contains { $0.side == .buy }
        totalCap = entering ? Self.amount(pctOfNAV: limits.pointee.exposure.maxTotalPct, nav: nav) : .zero
        largestEntry = entering ? Self.amount(pctOfNAV: limits.pointee.sizing.maxSizePct, nav: nav) : .zero

        let now = context.pointee.now
        let hourStart = now.advanced(bySeconds: -3600)
        let calendar = limits.pointee.losses.timeZone
        day = calendar.day(of: now)
        today = calendar.interval(ofDay: day)
        // Trades up to now, counted back from the newest: the hour's few one by one, the day's
        // (a day may hold hundreds) by a galloping search.
        let times = state.pointee.tradeTimes
        var end = times.count
        while end > 0, times[end - 1] > now { end -= 1 }
        var inHour = 0
        while inHour < end, times[end - 1 - inHour] > hourStart { inHour += 1 }
        tradesInHour = inHour
        let dayStart = today.lowerBound
        tradesToday = end - RiskState.firstIndex(below: end) { times[$0] >= dayStart }
        lastTrade = times.last
    }

    /// Whether `symbol` is held, pending or entered in this evaluation.
    func isOpen(_ symbol: Symbol) -> Bool {
        !(portfolio.positions[symbol]?.isFlat ?? true) || openWithoutHolding.contains(symbol)
    }

    /// Whether an option on `symbol` is held or being bought.
    func holdsOption(on symbol: Symbol) -> Bool {
        portfolio.optionPositions.contains { $0.key.underlying == symbol && !$0.value.isFlat }
            || portfolio.workingOrders.values.contains { $0.side == .buy && $0.contract?.underlying == symbol }
    }

    /// The quantity of `symbol` held and not already being sold by working orders or this evaluation.
    func sellable(_ symbol: Symbol) -> Quantity {
        var remaining = portfolio.positions[symbol]?.quantity ?? .zero
        for sale in selling where sale.symbol == symbol { remaining = remaining.subtracting(sale.quantity) ?? .zero }
        return remaining
    }

    /// `pct` % of NAV, rounded down; zero without a NAV.
    func amount(pctOfNAV pct: FixedPoint) -> FixedPoint {
        Self.amount(pctOfNAV: pct, nav: nav)
    }

    private static func amount(pctOfNAV pct: FixedPoint, nav: FixedPoint?) -> FixedPoint {
        guard let nav else { return .zero }
        return (try? nav.multiplied(by: pct, dividedBy: FixedPoint(100), rounding: .down)) ?? .zero
    }

    /// Books an approval, so that the proposals after it see it. For the `last` proposal only the
    /// exposure is booked, as it can fail; the lists of exits and new entries, which only later
    /// proposals read, are left as they are (appending to them would allocate).
    ///
    /// - Throws: ``ArithmeticError`` when the exposure would leave the fixed-point range; nothing
    ///   changes then.
    mutating func commit(_ trade: ApprovedTrade, last: Bool) throws(ArithmeticError) {
        let symbol = trade.proposal.symbol
        if trade.isExit {
            if !last { selling.append((symbol, trade.quantity)) }
        } else {
            try exposure?.add(trade.notional, symbol: symbol)
            if !last && !isOpen(symbol) {
                openWithoutHolding.append(symbol)
                openPositions += 1
            }
        }
        tradesInHour += 1
        tradesToday += 1
        lastTrade = context.now
    }
}
