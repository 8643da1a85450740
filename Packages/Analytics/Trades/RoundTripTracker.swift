import CostModel
import TraderCore

/// Builds ``RoundTrip``s from fills as they happen, by FIFO lots: each entry order's fills make
/// one lot, and exits close the oldest lots first; a round trip is one lot, from its first fill
/// until it is closed in full (by one exit fill or several). A position scaled in over nine buys
/// and closed by one sell is nine round trips, each priced and attributed on its own.
///
/// Each fill is measured against its own order's decision mid: a lot's entry slippage against its
/// order's mid, each exit's slippage against the exit order's mid, and the edge as the move from
/// the lot's mid to each exit's, times the quantity it closed. So `edge + entry slippage + exit
/// slippage − fees = net PnL` holds exactly for every round trip (see ``RoundTripAttribution``).
///
/// An exit fill that closes several lots is split between them, and one that carries the position
/// through flat opens a lot on the other side with the rest; its fee is split pro rata (the last
/// part takes what rounding left). Entry fees are the lot's; fees of lots still open at the end are
/// in no round trip (``openFees()``).
public struct RoundTripTracker: Sendable {
    fileprivate struct Lot: Sendable {
        let order: ClientOrderID
        let side: OrderSide
        let origin: OrderOrigin
        let entryTime: Timestamp
        var open: FixedPoint = .zero
        var entryQuantity: FixedPoint = .zero
        var entryNotional: FixedPoint = .zero
        var exitQuantity: FixedPoint = .zero
        var exitNotional: FixedPoint = .zero
        var exitMidNotional: FixedPoint = .zero
        var edge: FixedPoint = .zero
        var entrySlippage: FixedPoint = .zero
        var fees: FixedPoint = .zero
        var makerFills = 0
        var fills = 0
    }

    private let tiers: [Symbol: String]
    /// The open lots of each symbol, oldest first, all on one side.
    private var lots: [Symbol: [Lot]] = [:]

    /// A tracker that labels round trips with each symbol's tier from `tiers`.
    public init(tiers: [Symbol: String] = [:]) {
        self.tiers = tiers
    }

    /// Symbols with a lot still open.
    public var openSymbols: [Symbol] { lots.keys.sorted() }

    /// The fees of the lots still open (their entries', and the shares of exits that partly closed
    /// them): what a run's total fees hold beyond its round trips'.
    ///
    /// - Throws: ``ArithmeticError``.
    public func openFees() throws(ArithmeticError) -> FixedPoint {
        var total = FixedPoint.zero
        for queue in lots.values {
            for lot in queue { total = try total.adding(lot.fees) }
        }
        return total
    }

    /// Records a fill of order `order` on `side`, decided for `origin`, and appends to `closed`
    /// the round trips it ended, oldest lot first.
    ///
    /// - Throws: ``ArithmeticError``.
    public mutating func record(
        _ fill: Fill, symbol: Symbol, side: OrderSide, origin: OrderOrigin, order: ClientOrderID, into closed: inout [RoundTrip]
    ) throws(ArithmeticError) {
        var queue = lots.removeValue(forKey: symbol) ?? []
        defer { if !queue.isEmpty { lots[symbol] = queue } }
        if queue.isEmpty || queue[0].side == side {
            if let last = queue.indices.last, queue[last].order == order {
                try queue[last].add(entry: fill, quantity: fill.quantity.value, fee: fill.fee.amount)
            } else {
                queue.append(try Lot(opening: fill, order: order, side: side, origin: origin, quantity: fill.quantity.value, fee: fill.fee.amount))
            }
            return
        }
        var remaining = fill.quantity.value
        var feeLeft = fill.fee.amount
        while !remaining.isZero, !queue.isEmpty {
            let quantity = min(remaining, queue[0].open)
            remaining = try remaining.subtracting(quantity)
            let fee =
                remaining.isZero
                ? feeLeft : try fill.fee.amount.multiplied(by: quantity, dividedBy: fill.quantity.value, rounding: .toNearestOrEven)
            feeLeft = try feeLeft.subtracting(fee)
            try queue[0].add(exit: fill, quantity: quantity, fee: fee, mid: origin.decisionMid)
            guard queue[0].open.isZero else { continue }
            closed.append(try queue[0].roundTrip(symbol: symbol, tier: tiers[symbol], exitTime: fill.time))
            queue.removeFirst()
        }
        if !remaining.isZero {
            queue.append(try Lot(opening: fill, order: order, side: side, origin: origin, quantity: remaining, fee: feeLeft))
        }
    }
}

extension RoundTripTracker.Lot {
    init(opening fill: Fill, order: ClientOrderID, side: OrderSide, origin: OrderOrigin, quantity: FixedPoint, fee: FixedPoint)
        throws(ArithmeticError)
    {
        self.init(order: order, side: side, origin: origin, entryTime: fill.time)
        try add(entry: fill, quantity: quantity, fee: fee)
    }

    /// `to − from` times `quantity`, in the lot's direction.
    private func signed(_ from: Price, _ to: Price, _ quantity: FixedPoint) throws(ArithmeticError) -> FixedPoint {
        let value = try to.value.subtracting(from.value).multiplied(by: quantity, rounding: .toNearestOrEven)
        return side == .buy ? value : value.negated
    }

    mutating func add(entry fill: Fill, quantity: FixedPoint, fee: FixedPoint) throws(ArithmeticError) {
        open = try open.adding(quantity)
        entryQuantity = try entryQuantity.adding(quantity)
        entryNotional = try entryNotional.adding(fill.price.value.multiplied(by: quantity, rounding: .toNearestOrEven))
        entrySlippage = try entrySlippage.adding(signed(fill.price, origin.decisionMid, quantity))
        try count(fill, fee: fee)
    }

    mutating func add(exit fill: Fill, quantity: FixedPoint, fee: FixedPoint, mid: Price) throws(ArithmeticError) {
        open = try open.subtracting(quantity)
        exitQuantity = try exitQuantity.adding(quantity)
        exitNotional = try exitNotional.adding(fill.price.value.multiplied(by: quantity, rounding: .toNearestOrEven))
        exitMidNotional = try exitMidNotional.adding(mid.value.multiplied(by: quantity, rounding: .toNearestOrEven))
        edge = try edge.adding(signed(origin.decisionMid, mid, quantity))
        try count(fill, fee: fee)
    }

    private mutating func count(_ fill: Fill, fee: FixedPoint) throws(ArithmeticError) {
        fees = try fees.adding(fee)
        fills += 1
        if fill.liquidity == .maker { makerFills += 1 }
    }

    /// The lot as a closed round trip.
    func roundTrip(symbol: Symbol, tier: String?, exitTime: Timestamp) throws(ArithmeticError) -> RoundTrip {
        let move = try exitNotional.subtracting(entryNotional)
        let gross = side == .buy ? move : move.negated
        return RoundTrip(
            symbol: symbol, side: side, signal: origin.signal, regime: origin.regime, tier: tier, quantity: Quantity(entryQuantity),
            entryTime: entryTime, exitTime: exitTime,
            entryPrice: Price(try entryNotional.divided(by: entryQuantity, rounding: .toNearestOrEven)),
            exitPrice: Price(try exitNotional.divided(by: exitQuantity, rounding: .toNearestOrEven)),
            entryMid: origin.decisionMid, exitMid: Price(try exitMidNotional.divided(by: exitQuantity, rounding: .toNearestOrEven)),
            fees: fees, makerFills: makerFills, fills: fills,
            attribution: try RoundTripAttribution(gross: gross, edge: edge, entrySlippage: entrySlippage, fees: fees))
    }
}
