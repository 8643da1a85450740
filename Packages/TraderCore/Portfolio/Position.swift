/// A long position in one instrument, accounted exactly: the cost basis is kept as a total (not as
/// a rounded average), realized PnL accrues on each sell, and fees are kept apart. An option's
/// amounts count its multiplier (premium × multiplier × contracts).
///
/// Amounts are in the quote currency of the symbol (the option's underlying's). Positions cannot go
/// short: selling more than is held throws.
public struct Position: Hashable, Sendable, Codable {
    /// A fill that the position cannot take.
    public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        /// What went wrong.
        public let code: String
        /// Details for people.
        public let message: String
        public var description: String { "\(code): \(message)" }
    }

    /// What is held.
    public let instrument: Instrument
    /// The pair held, or the option's underlying.
    public let symbol: Symbol
    /// The quantity held.
    public private(set) var quantity: Quantity = .zero
    /// What the quantity held cost, in total, excluding fees.
    public private(set) var costBasis: FixedPoint = .zero
    /// Realized profit or loss of the quantity sold, excluding fees.
    public private(set) var realizedPnL: FixedPoint = .zero
    /// Fees paid on every fill, in the quote currency.
    public private(set) var feesPaid: FixedPoint = .zero

    /// An empty position in the spot pair `symbol`.
    public init(symbol: Symbol) {
        self.init(instrument: .spot(symbol))
    }

    /// An empty position in `instrument`.
    public init(instrument: Instrument) {
        self.instrument = instrument
        symbol = instrument.underlying
    }

    /// A position restored from a record (the state store), exactly as it was saved.
    ///
    /// - Precondition: `costBasis` and `feesPaid` are not negative, and `costBasis` is zero when
    ///   nothing is held.
    public init(symbol: Symbol, quantity: Quantity, costBasis: FixedPoint, realizedPnL: FixedPoint, feesPaid: FixedPoint) {
        self.init(instrument: .spot(symbol), quantity: quantity, costBasis: costBasis, realizedPnL: realizedPnL, feesPaid: feesPaid)
    }

    /// A position in `instrument` restored from a record, or adopted from the venue, exactly as given.
    ///
    /// - Precondition: `costBasis` and `feesPaid` are not negative, and `costBasis` is zero when
    ///   nothing is held.
    public init(instrument: Instrument, quantity: Quantity, costBasis: FixedPoint, realizedPnL: FixedPoint, feesPaid: FixedPoint) {
        precondition(!costBasis.isNegative && !feesPaid.isNegative, "negative cost basis or fees for \(instrument.underlying)")
        precondition(!quantity.isZero || costBasis.isZero, "a cost basis without a quantity for \(instrument.underlying)")
        self.instrument = instrument
        symbol = instrument.underlying
        self.quantity = quantity
        self.costBasis = costBasis
        self.realizedPnL = realizedPnL
        self.feesPaid = feesPaid
    }

    /// Whether nothing is held.
    public var isFlat: Bool { quantity.isZero }

    /// The average price paid, rounded to the nearest 10⁻⁸ (ties to even): per unit, or per unit
    /// of the underlying for an option (its average premium); `nil` when flat.
    public var averageCost: Price? {
        guard !quantity.isZero,
            let units = try? quantity.value.multiplied(by: FixedPoint(instrument.multiplier), rounding: .toNearestOrEven)
        else { return nil }
        return try? Price(costBasis.divided(by: units, rounding: .toNearestOrEven))
    }

    /// Realized PnL net of all fees paid.
    public var netRealizedPnL: FixedPoint { FixedPoint(raw: realizedPnL.raw - feesPaid.raw) }

    /// Unrealized PnL of the quantity held at `mark`, rounded toward zero.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    public func unrealizedPnL(at mark: Price) throws(ArithmeticError) -> FixedPoint {
        let value = try instrument.notional(at: mark, of: quantity, rounding: .towardZero)
        return try value.subtracting(costBasis)
    }

    /// The market value of the quantity held at `mark`, rounded toward zero.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    @inlinable public func marketValue(at mark: Price) throws(ArithmeticError) -> FixedPoint {
        try instrument.notional(at: mark, of: quantity, rounding: .towardZero)
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
        let notional = try instrument.notional(at: fill.price, of: fill.quantity, rounding: .toNearestOrEven)
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

    private enum CodingKeys: String, CodingKey { case instrument, symbol, quantity, costBasis, realizedPnL, feesPaid }

    /// Decodes a position; one saved before instruments were kept is a spot position.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        symbol = try container.decode(Symbol.self, forKey: .symbol)
        instrument = try container.decodeIfPresent(Instrument.self, forKey: .instrument) ?? .spot(symbol)
        quantity = try container.decode(Quantity.self, forKey: .quantity)
        costBasis = try container.decode(FixedPoint.self, forKey: .costBasis)
        realizedPnL = try container.decode(FixedPoint.self, forKey: .realizedPnL)
        feesPaid = try container.decode(FixedPoint.self, forKey: .feesPaid)
        guard instrument.underlying == symbol else {
            throw DecodingError.dataCorruptedError(
                forKey: .instrument, in: container, debugDescription: "position in \(instrument.underlying) saved under \(symbol)")
        }
    }

    /// Encodes the position; a spot instrument is left out (a missing key reads as one).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if case .option = instrument { try container.encode(instrument, forKey: .instrument) }
        try container.encode(symbol, forKey: .symbol)
        try container.encode(quantity, forKey: .quantity)
        try container.encode(costBasis, forKey: .costBasis)
        try container.encode(realizedPnL, forKey: .realizedPnL)
        try container.encode(feesPaid, forKey: .feesPaid)
    }
}
