import TraderCore

/// Builds ``RoundTrip``s from fills as they happen: a round trip opens when a symbol's position
/// leaves flat and ends when it returns to flat. Entry and exit prices are quantity-weighted over
/// their legs; the entry's origin (signal, regime, decision mid) is the first opening fill's, the
/// exit mid the closing fill's.
///
/// A fill that would carry the position through flat to the other side is split: the part that
/// closes ends the round trip, the rest opens the next one, and its fee is split pro rata.
public struct RoundTripTracker: Sendable {
    fileprivate struct OpenTrip: Sendable {
        let side: OrderSide
        let origin: OrderOrigin
        let entryTime: Timestamp
        var open: FixedPoint = .zero
        var entryQuantity: FixedPoint = .zero
        var entryNotional: FixedPoint = .zero
        var exitQuantity: FixedPoint = .zero
        var exitNotional: FixedPoint = .zero
        var fees: FixedPoint = .zero
        var makerFills = 0
        var fills = 0
    }

    private let tiers: [Symbol: String]
    private var open: [Symbol: OpenTrip] = [:]

    /// A tracker that labels round trips with each symbol's tier from `tiers`.
    public init(tiers: [Symbol: String] = [:]) {
        self.tiers = tiers
    }

    /// Symbols with a round trip still open.
    public var openSymbols: [Symbol] { open.keys.sorted() }

    /// Records a fill of an order on `side` decided for `origin`; returns the round trip it ended,
    /// if it ended one.
    ///
    /// - Throws: ``ArithmeticError``.
    public mutating func record(_ fill: Fill, symbol: Symbol, side: OrderSide, origin: OrderOrigin) throws(ArithmeticError)
        -> RoundTrip?
    {
        guard var trip = open[symbol] else {
            open[symbol] = try Self.opening(fill, side: side, origin: origin, quantity: fill.quantity.value, fee: fill.fee.amount)
            return nil
        }
        if side == trip.side {
            try trip.add(entry: fill, quantity: fill.quantity.value, fee: fill.fee.amount)
            open[symbol] = trip
            return nil
        }
        let closing = min(fill.quantity.value, trip.open)
        let remainder = try fill.quantity.value.subtracting(closing)
        let closingFee =
            remainder.isZero
            ? fill.fee.amount : try fill.fee.amount.multiplied(by: closing, dividedBy: fill.quantity.value, rounding: .toNearestOrEven)
        try trip.add(exit: fill, quantity: closing, fee: closingFee)
        guard trip.open.isZero else {
            open[symbol] = trip
            return nil
        }
        open[symbol] = nil
        if !remainder.isZero {
            open[symbol] = try Self.opening(
                fill, side: side, origin: origin, quantity: remainder, fee: try fill.fee.amount.subtracting(closingFee))
        }
        return try RoundTrip(
            symbol: symbol, side: trip.side, signal: trip.origin.signal, regime: trip.origin.regime, tier: tiers[symbol],
            quantity: Quantity(trip.entryQuantity), entryTime: trip.entryTime, exitTime: fill.time,
            entryPrice: Price(trip.entryNotional.divided(by: trip.entryQuantity, rounding: .toNearestOrEven)),
            exitPrice: Price(trip.exitNotional.divided(by: trip.exitQuantity, rounding: .toNearestOrEven)),
            entryMid: trip.origin.decisionMid, exitMid: origin.decisionMid, fees: trip.fees, makerFills: trip.makerFills,
            fills: trip.fills)
    }

    private static func opening(_ fill: Fill, side: OrderSide, origin: OrderOrigin, quantity: FixedPoint, fee: FixedPoint)
        throws(ArithmeticError) -> OpenTrip
    {
        var trip = OpenTrip(side: side, origin: origin, entryTime: fill.time)
        try trip.add(entry: fill, quantity: quantity, fee: fee)
        return trip
    }
}

extension RoundTripTracker.OpenTrip {
    mutating func add(entry fill: Fill, quantity: FixedPoint, fee: FixedPoint) throws(ArithmeticError) {
        open = try open.adding(quantity)
        entryQuantity = try entryQuantity.adding(quantity)
        entryNotional = try entryNotional.adding(fill.price.value.multiplied(by: quantity, rounding: .toNearestOrEven))
        try count(fill, fee: fee)
    }

    mutating func add(exit fill: Fill, quantity: FixedPoint, fee: FixedPoint) throws(ArithmeticError) {
        open = try open.subtracting(quantity)
        exitQuantity = try exitQuantity.adding(quantity)
        exitNotional = try exitNotional.adding(fill.price.value.multiplied(by: quantity, rounding: .toNearestOrEven))
        try count(fill, fee: fee)
    }

    private mutating func count(_ fill: Fill, fee: FixedPoint) throws(ArithmeticError) {
        fees = try fees.adding(fee)
        fills += 1
        if fill.liquidity == .maker { makerFills += 1 }
    }
}
