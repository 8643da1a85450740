/// A long position in one symbol, accounted exactly: the cost basis is kept as a total (not as a
/// rounded average), realized PnL accrues on each sell, and fees are kept apart.
///
/// Amounts are in the symbol's quote currency. Spot positions cannot go short: selling more than is
/// held throws.
public struct Position: Hashable, Sendable, Codable {
    /// A fill that the position cannot take.
    public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        /// What went wrong.
        public let code: String
        /// Details for people.
        public let message: String
        public var description: String { "\(code): \(message)" }
    }

    /// The symbol held.
    public let symbol: Symbol
    /// The quantity held.
    public private(set) var quantity: Quantity = .zero
    /// What the quantity held cost, in total, excluding fees.
    public private(set) var costBasis: FixedPoint = .zero
    /// Realized profit or loss of the quantity sold, excluding fees.
    public private(set) var realizedPnL: FixedPoint = .zero
    /// Fees paid on every fill, in the quote currency.
    public private(set) var feesPaid: FixedPoint = .zero

    /// An empty position in `symbol`.
    public init(symbol: Symbol) {
        self.symbol = symbol
    }

    /// A position restored from a record (the state store), exactly as it was saved.
    ///
    /// - Precondition: `costBasis` and `feesPaid` are not negative, and `costBasis` is zero when
    ///   nothing is held.
    public init(symbol: Symbol, quantity: Quantity, costBasis: FixedPoint, realizedPnL: FixedPoint, feesPaid: FixedPoint) {
        precondition(!costBasis.isNegative && !feesPaid.isNegative, "negative cost basis or fees for \(symbol)")
        precondition(!quantity.isZero || costBasis.isZero, "a cost basis without a quantity for \(symbol)")
        self.symbol = symbol
        self.quantity = quantity
        self.costBasis = costBasis
        self.realizedPnL = realizedPnL
        self.feesPaid = feesPaid
    }

    /// Whether nothing is held.
    public var isFlat: Bool { quantity.isZero }

    /// The average cost per unit, rounded to the nearest 10⁻⁸ (ties to even); `nil` when flat.
    public var averageCost: Price? {
        guard !quantity.isZero else { return nil }
        return try? Price(costBasis.divided(by: quantity.value, rounding: .toNearestOrEven))
    }

    /// Realized PnL net of all fees paid.
    public var netRealizedPnL: FixedPoint { FixedPoint(raw: realizedPnL.raw - feesPaid.raw) }

    /// Unrealized PnL of the quantity held at `mark`, rounded toward zero.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    public func unrealizedPnL(at mark: Price) throws(ArithmeticError) -> FixedPoint {
        let value = try mark.notional(of: quantity, rounding: .towardZero)
        return try value.subtracting(costBasis)
    }

    /// The market value of the quantity held at `mark`, rounded toward zero.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    @inlinable public func marketValue(at mark: Price) throws(ArithmeticError) -> FixedPoint {
        try mark.notional(of: quantity, rounding: .towardZero)
    }

    /// Applies a fill of an order on `side`: a buy adds to the cost basis; a sell removes the
    /// average cost of what it sells and realizes the difference.
    ///
    /// - Throws: ``Position/Error`` `oversell` when a sell exceeds the quantity held, or
    ///   `fee_currency` when the fee is not in the quote currency; ``ArithmeticError`` on overflow.
    public mutating func apply(_ fill: Fill, side: OrderSide) throws {
        guard fill.fee.currency.code == symbol.quote else {
            throw Error(code: "fee_currency", message: "fee in \(fill.fee.currency) for \(symbol); expected \(symbol.quote)")
        }
        // Every new value is computed before any is stored, so a throw leaves the position as it was.
        let notional = try fill.price.notional(of: fill.quantity, rounding: .toNearestOrEven)
        let fees = try feesPaid.adding(fill.fee.amount)
        switch side {
        case .buy:
            let basis = try costBasis.adding(notional)
            let held = try quantity.adding(fill.quantity)
            (costBasis, quantity) = (basis, held)
        case .sell:
            guard let remaining = quantity.subtracting(fill.quantity) else {
                throw Error(code: "oversell", message: "selling \(fill.quantity) of \(symbol) with \(quantity) held")
            }
            let removedBasis =
                remaining.isZero
                ? costBasis
                : try costBasis.multiplied(by: fill.quantity.value, dividedBy: quantity.value, rounding: .toNearestOrEven)
            let realized = try realizedPnL.adding(notional.subtracting(removedBasis))
            let basis = try costBasis.subtracting(removedBasis)
            (realizedPnL, costBasis, quantity) = (realized, basis, remaining)
        }
        feesPaid = fees
    }
}
