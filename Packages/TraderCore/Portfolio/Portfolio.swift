/// Cash, positions and working orders in one accounting currency, with NAV and exposure.
///
/// Exposure counts pending buys (the unfilled part of every working buy order) as well as what is
/// held, so that risk caps can never be breached by orders already in flight. Missing marks fail
/// closed: NAV and exposure throw rather than guess.
///
/// Spot positions are kept by symbol, option positions by contract; an option's amounts count its
/// multiplier (premium × multiplier × contracts), its exposure counts against its underlying, and
/// it is valued at the premium mark ``markOption(_:at:)`` last gave it.
public struct Portfolio: Hashable, Sendable {
    /// A portfolio operation that cannot be done.
    public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        /// Stable snake_case code: `missing_mark`, `quote_currency`, `unknown_order`, `no_cost`.
        public let code: String
        /// Details for people.
        public let message: String
        public var description: String { "\(code): \(message)" }
    }

    /// The currency NAV and cash are kept in; every symbol must be quoted in it.
    public let currency: Currency
    /// ``currency``'s code packed as a symbol's quote is, so the quote check compares integers.
    private let currencyCode: UInt64
    /// Free cash.
    public internal(set) var cash: FixedPoint
    /// Positions by symbol (flat ones included until removed).
    public internal(set) var positions: SymbolMap<Position> = [:]
    /// Option positions by contract (flat ones included until removed).
    public internal(set) var optionPositions: [OptionContract: Position] = [:]
    /// The latest premium of each option contract held or being bought (a quote's mid): NAV and
    /// exposure value options at it, and fail closed without it.
    public internal(set) var optionMarks: [OptionContract: Price] = [:]
    /// Orders that may still rest at the venue, by client order id: what the portfolio needs of
    /// each (the orders themselves, with their histories, are their owner's).
    public private(set) var workingOrders: [ClientOrderID: WorkingOrder] = [:]

    /// A portfolio holding only cash.
    public init(currency: Currency, cash: FixedPoint) {
        self.currency = currency
        self.cash = cash
        currencyCode = Symbol.packed(currency.code)
    }

    /// A portfolio restored from saved state: cash, positions and the orders still working.
    ///
    /// - Throws: ``Portfolio/Error`` `quote_currency` for a position or order not quoted in
    ///   `currency`.
    public init(currency: Currency, cash: FixedPoint, positions: SymbolMap<Position>, workingOrders: [Order]) throws {
        self.init(currency: currency, cash: cash)
        for (symbol, _) in positions { try requireQuote(symbol) }
        self.positions = positions
        for order in workingOrders { try track(order) }
    }

    /// A portfolio as ``encode(to:)`` saved it, working orders as the portfolio kept them.
    ///
    /// - Throws: as ``init(currency:cash:positions:workingOrders:)``.
    init(
        currency: Currency, cash: FixedPoint, positions: SymbolMap<Position>, kept: [ClientOrderID: WorkingOrder]
    ) throws {
        try self.init(currency: currency, cash: cash, positions: positions, workingOrders: [])
        for order in kept.values { try requireQuote(order.symbol) }
        workingOrders = kept
    }

    /// Starts tracking an order, or replaces the tracked copy; orders that are no longer working
    /// are dropped.
    ///
    /// - Throws: ``Portfolio/Error`` `quote_currency` for a symbol not quoted in ``currency``.
    public mutating func track(_ order: Order) throws {
        try requireQuote(order.symbol)
        updateWorkingOrder(order)
    }

    /// ``track(_:)`` without its check, for a caller that passed ``requireQuote(_:)`` for the
    /// order's symbol before changing anything (the engine, which books the fill in between).
    public mutating func updateWorkingOrder(_ order: Order) {
        workingOrders[order.clientOrderID] = order.status.isWorking ? WorkingOrder(order) : nil
    }

    /// Books a fill of a tracked order: the position and the cash move together. Track the order's
    /// updated copy afterwards, so that its pending part shrinks (until then exposure counts the
    /// fill twice: an overstatement, never an understatement).
    ///
    /// - Returns: what the fill realized net of its fee (how far the position's
    ///   ``Position/netRealizedPnL`` moved): a buy's fee as a loss, a sell's profit or loss after
    ///   its fee.
    /// - Throws: ``Portfolio/Error`` `unknown_order`; ``Position/Error``; ``ArithmeticError``. Nothing
    ///   changes when it throws.
    @discardableResult
    public mutating func book(_ fill: Fill, of clientOrderID: ClientOrderID) throws -> FixedPoint {
        guard let order = workingOrders[clientOrderID] else {
            throw Error(code: "unknown_order", message: "fill \(fill.tradeID) for untracked order \(clientOrderID)")
        }
        return try book(fill, symbol: order.symbol, side: order.side)
    }

    /// Books a fill of an order on `side` of `symbol`, working or not: a fill that arrives after
    /// its order was cancelled, or after it settled, moves the position and the cash all the same.
    ///
    /// - Returns: what the fill realized net of its fee, as ``book(_:of:)``.
    /// - Throws: ``Position/Error``; ``ArithmeticError``. Nothing changes when it throws.
    @discardableResult
    public mutating func book(_ fill: Fill, symbol: Symbol, side: OrderSide) throws -> FixedPoint {
        let held = positions[symbol] ?? Position(symbol: symbol)
        let (position, realized, newCash) = try booking(fill, side: side, on: held)
        positions[symbol] = position
        cash = newCash
        return realized
    }

    /// Books a fill of an order on `side` of `instrument`, as ``book(_:symbol:side:)`` does: an
    /// option's fill moves its position and the cash by premium × multiplier × contracts.
    ///
    /// - Returns: what the fill realized net of its fee, as ``book(_:of:)``.
    /// - Throws: ``Portfolio/Error`` `quote_currency`; ``Position/Error``; ``ArithmeticError``.
    ///   Nothing changes when it throws.
    @discardableResult
    public mutating func book(_ fill: Fill, instrument: Instrument, side: OrderSide) throws -> FixedPoint {
        guard case .option(let contract) = instrument else { return try book(fill, symbol: instrument.underlying, side: side) }
        try requireQuote(contract.underlying)
        let held = optionPositions[contract] ?? Position(instrument: instrument)
        let (position, realized, newCash) = try booking(fill, side: side, on: held)
        optionPositions[contract] = position
        cash = newCash
        return realized
    }

    /// The position and cash after `fill`, and what it realized, with nothing stored.
    private func booking(_ fill: Fill, side: OrderSide, on held: Position) throws -> (Position, FixedPoint, FixedPoint) {
        var position = held
        try position.apply(fill, side: side)
        let realized = try position.netRealizedPnL.subtracting(held.netRealizedPnL)
        let notional = try held.instrument.notional(at: fill.price, of: fill.quantity, rounding: .toNearestOrEven)
        let newCash =
            switch side {
            case .buy: try cash.subtracting(notional).subtracting(fill.fee.amount)
            case .sell: try cash.adding(notional).subtracting(fill.fee.amount)
            }
        return (position, realized, newCash)
    }

    /// The position in `instrument`, if the portfolio keeps one. Inlinable: the engine reads it
    /// after every fill.
    @inlinable public func position(in instrument: Instrument) -> Position? {
        switch instrument {
        case .spot(let symbol): positions[symbol]
        case .option(let contract): optionPositions[contract]
        }
    }

    /// Sets the premium `contract` is valued at (a quote's mid).
    public mutating func markOption(_ contract: OptionContract, at premium: Price) {
        optionMarks[contract] = premium
    }

    /// Forgets a flat option position and its mark (an expired contract, once closed): a session
    /// that trades a new weekly contract every week keeps only the ones it holds.
    public mutating func removeFlatOption(_ contract: OptionContract) {
        guard optionPositions[contract]?.isFlat ?? true else { return }
        optionPositions[contract] = nil
        if !workingOrders.values.contains(where: { $0.contract == contract }) { optionMarks[contract] = nil }
    }

    /// Whether any position is open (held, not flat). Inlinable: a backtest asks on every bar.
    @inlinable public var holdsPositions: Bool {
        positions.contains { !$0.value.quantity.isZero } || (!optionPositions.isEmpty && optionPositions.values.contains { !$0.isFlat })
    }

    /// How many positions are open: spot symbols and option contracts held.
    public var openPositionCount: Int {
        positions.filter { !$0.value.isFlat }.count + optionPositions.filter { !$0.value.isFlat }.count
    }

    /// Net asset value: cash plus every position at its mark. Inlinable: a backtest values its
    /// positions on every bar it holds them.
    ///
    /// - Throws: ``Portfolio/Error`` `missing_mark` for a held symbol without a mark.
    @inlinable public func nav(marks: SymbolMap<Price>) throws -> FixedPoint {
        var total = cash
        for (symbol, position) in positions where !position.quantity.isZero {
            guard let mark = marks[symbol] else { throw Self.missingMark(symbol) }
            total = try total.adding(position.marketValue(at: mark))
        }
        if !optionPositions.isEmpty { total = try total.adding(optionValue()) }
        return total
    }

    /// The held options at their premium marks.
    ///
    /// - Throws: ``Portfolio/Error`` `missing_mark` for a held contract without a mark.
    @usableFromInline func optionValue() throws -> FixedPoint {
        var total = FixedPoint.zero
        for (contract, position) in optionPositions where !position.isFlat {
            total = try total.adding(position.marketValue(at: optionMark(contract)))
        }
        return total
    }

    private func optionMark(_ contract: OptionContract) throws -> Price {
        guard let mark = optionMarks[contract] else {
            throw Error(code: "missing_mark", message: "no premium for \(contract.underlying) \(contract.expiry) \(contract.strike) \(contract.right.rawValue); NAV and exposure fail closed")
        }
        return mark
    }

    /// The `missing_mark` error; out of line, so that its text does not weigh on inlined code.
    @usableFromInline @inline(never)
    static func missingMark(_ symbol: Symbol) -> Error {
        Error(code: "missing_mark", message: "no price for \(symbol); NAV and exposure fail closed")
    }

    /// Exposure held and pending, by base asset and by theme, and in total.
    ///
    /// - Parameters:
    ///   - marks: current prices; pending market buys are valued at them.
    ///   - themeOf: the theme of a symbol, if any.
    /// - Throws: ``Portfolio/Error`` `missing_mark`; ``ArithmeticError`` when a sum leaves the
    ///   fixed-point range.
    public func exposure(marks: SymbolMap<Price>, themeOf: (Symbol) -> String?) throws -> Exposure {
        var exposure = Exposure()
        try forEachExposure(marks: marks) { symbol, amount, pending in
            try exposure.add(amount, symbol: symbol, theme: themeOf(symbol), pending: pending)
        }
        return exposure
    }

    /// Calls `body` with each amount the portfolio is exposed by, without gathering them: each held
    /// position at its market value (symbol order), each held option at its premium mark under its
    /// underlying, then each working buy (in no fixed order) at its limit price, or at the mark for
    /// a market buy (at the higher of its trigger and the mark for a stop buy), for its remaining
    /// quantity (times an option's multiplier), rounded up.
    ///
    /// - Parameters:
    ///   - marks: current prices; positions and pending market buys are valued at them.
    ///   - body: receives the symbol, the amount, and whether it is pending (a working buy).
    /// - Throws: ``Portfolio/Error`` `missing_mark`; ``ArithmeticError``; what `body` throws.
    public func forEachExposure(
        marks: SymbolMap<Price>, _ body: (_ symbol: Symbol, _ amount: FixedPoint, _ pending: Bool) throws -> Void
    ) throws {
        for (symbol, position) in positions where !position.isFlat {
            try body(symbol, position.marketValue(at: mark(symbol, marks)), false)
        }
        for (contract, position) in optionPositions where !position.isFlat {
            try body(contract.underlying, position.marketValue(at: optionMark(contract)), false)
        }
        for order in workingOrders.values where order.side == .buy {
            let price: Price
            switch order.kind {
            case .limit(let limit, _): price = limit
            case .market: price = try order.contract.map(optionMark) ?? mark(order.symbol, marks)
            // A buy stop fills at its trigger or above: at least the trigger, at the mark once past it.
            case .stop(let trigger): price = max(trigger, try order.contract.map(optionMark) ?? mark(order.symbol, marks))
            }
            let notional = try price.notional(of: order.remainingQuantity, rounding: .up)
            try body(order.symbol, order.contract == nil ? notional : notional.multiplied(by: FixedPoint(order.multiplier), rounding: .up), true)
        }
    }

    private func mark(_ symbol: Symbol, _ marks: SymbolMap<Price>) throws -> Price {
        guard let mark = marks[symbol] else { throw Self.missingMark(symbol) }
        return mark
    }

    /// Checks that `symbol` is quoted in ``currency``, as ``track(_:)`` does first.
    ///
    /// - Throws: ``Portfolio/Error`` `quote_currency`.
    public func requireQuote(_ symbol: Symbol) throws {
        guard symbol.quoteCode == currencyCode else {
            throw Error(code: "quote_currency", message: "\(symbol) is not quoted in \(currency)")
        }
    }
}
