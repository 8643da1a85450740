extension Portfolio {
    /// Takes the venue's word for the cash held (a deposit, a withdrawal, a fee the fills did not
    /// show): ``cash`` becomes `amount`.
    public mutating func adoptCash(_ amount: FixedPoint) {
        cash = amount
    }

    /// Takes the venue's word for how much of `symbol` is held: the quantity becomes `quantity`,
    /// its cost basis scaled pro rata (the average cost kept), or valued at `mark` when the position
    /// was flat (nothing says what the units cost); realized profit and fees stay as booked.
    ///
    /// - Throws: ``Portfolio/Error`` `no_cost` when a flat position grows without a mark;
    ///   ``ArithmeticError``. Nothing changes when it throws.
    public mutating func adoptQuantity(_ quantity: Quantity, of symbol: Symbol, mark: Price?) throws {
        let held = positions[symbol] ?? Position(symbol: symbol)
        let costBasis: FixedPoint
        if quantity.isZero {
            costBasis = .zero
        } else if !held.quantity.isZero {
            costBasis = try held.costBasis.multiplied(by: quantity.value, dividedBy: held.quantity.value, rounding: .toNearestOrEven)
        } else if let mark {
            costBasis = try mark.notional(of: quantity, rounding: .toNearestOrEven)
        } else {
            throw Error(code: "no_cost", message: "\(symbol): \(quantity) held at the venue, none here, and no mark to value it")
        }
        positions[symbol] = Position(
            symbol: symbol, quantity: quantity, costBasis: costBasis, realizedPnL: held.realizedPnL, feesPaid: held.feesPaid)
    }

    /// Takes the venue's word for how many contracts of `contract` are held: the quantity becomes
    /// `quantity`, its cost basis scaled pro rata (the average premium kept), or, for a position
    /// that was flat here, the venue's `averageCost` (per unit of the underlying) × multiplier ×
    /// contracts; realized profit and fees stay as booked.
    ///
    /// - Throws: ``Portfolio/Error`` `no_cost` when a flat position grows without a positive
    ///   average cost, `quote_currency`; ``ArithmeticError``. Nothing changes when it throws.
    public mutating func adoptOptionQuantity(_ quantity: Quantity, of contract: OptionContract, averageCost: Price?) throws {
        try requireQuote(contract.underlying)
        let held = optionPositions[contract] ?? Position(instrument: .option(contract))
        let costBasis: FixedPoint
        if quantity.isZero {
            costBasis = .zero
        } else if !held.quantity.isZero {
            costBasis = try held.costBasis.multiplied(by: quantity.value, dividedBy: held.quantity.value, rounding: .toNearestOrEven)
        } else if let averageCost, averageCost.value.raw > 0 {
            costBasis = try Instrument.option(contract).notional(at: averageCost, of: quantity, rounding: .toNearestOrEven)
        } else {
            throw Error(code: "no_cost", message: "\(contract): \(quantity) held at the venue, none here, and no average cost to value it")
        }
        optionPositions[contract] = Position(
            instrument: .option(contract), quantity: quantity, costBasis: costBasis, realizedPnL: held.realizedPnL, feesPaid: held.feesPaid)
    }
}
