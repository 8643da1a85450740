/// An order and its life: what was asked, what the venue did, and every state it passed through.
///
/// State changes only through ``apply(_:at:)``, which follows ``Order/Status``'s transition table
/// and returns a typed error for an illegal event, leaving the order untouched.
public struct Order: Hashable, Sendable, Codable {
    /// How the order is priced.
    public enum Kind: Hashable, Sendable, Codable {
        /// A limit order; `postOnly` refuses to take liquidity.
        case limit(price: Price, postOnly: Bool)
        /// A market order (taker).
        case market
        /// A stop order: a market order once the last trade reaches `trigger` (at or below it for
        /// a sell, at or above it for a buy); it rests untriggered until then.
        case stop(trigger: Price)
    }

    /// One step of the order's history.
    public struct Transition: Hashable, Sendable, Codable {
        /// The state before.
        public let from: Status
        /// The state after (may equal `from`, as for a partial fill while a cancel is pending).
        public let to: Status
        /// The event that caused it.
        public let event: Event
        /// When it was applied.
        public let time: Timestamp
    }

    /// The deterministic id of the intent.
    public let clientOrderID: ClientOrderID
    /// What is traded: a spot pair, or an option contract.
    public let instrument: Instrument
    /// The pair the order trades on: the spot pair itself, or an option's underlying (whose quote
    /// currency its premium and fees are in).
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// Limit, market or stop.
    public let kind: Kind
    /// The quantity ordered (contracts, for an option).
    public let quantity: Quantity
    /// How long it works at the venue.
    public let timeInForce: TimeInForce

    /// The current state.
    public private(set) var status: Status = .new
    /// The venue's id, once it has accepted the order.
    public private(set) var venueOrderID: VenueOrderID?
    /// The quantity filled so far.
    public private(set) var filledQuantity: Quantity = .zero
    /// Every transition, oldest first.
    public private(set) var history: [Transition] = []

    /// The fills so far, in the order they arrived: read from the history, which holds each one
    /// (keeping them twice would cost an allocation per order).
    public var fills: [Fill] {
        history.compactMap { if case .fill(let fill) = $0.event { fill } else { nil } }
    }

    /// Creates a new spot order that has not been sent.
    ///
    /// - Precondition: `quantity` is above zero.
    public init(
        clientOrderID: ClientOrderID, symbol: Symbol, side: OrderSide, kind: Kind, quantity: Quantity,
        timeInForce: TimeInForce = .goodTillCancelled
    ) {
        self.init(clientOrderID: clientOrderID, instrument: .spot(symbol), side: side, kind: kind, quantity: quantity, timeInForce: timeInForce)
    }

    /// Creates a new order in `instrument` that has not been sent.
    ///
    /// - Precondition: `quantity` is above zero.
    public init(
        clientOrderID: ClientOrderID, instrument: Instrument, side: OrderSide, kind: Kind, quantity: Quantity,
        timeInForce: TimeInForce = .goodTillCancelled
    ) {
        precondition(!quantity.isZero, "an order has a positive quantity")
        self.clientOrderID = clientOrderID
        self.instrument = instrument
        symbol = instrument.underlying
        self.side = side
        self.kind = kind
        self.quantity = quantity
        self.timeInForce = timeInForce
    }

    /// The notional of `quantity` of this order's instrument at `price` (premium × multiplier ×
    /// contracts for an option).
    ///
    /// - Throws: ``ArithmeticError``.
    public func notional(at price: Price, of quantity: Quantity, rounding rule: RoundingRule) throws(ArithmeticError) -> FixedPoint {
        try instrument.notional(at: price, of: quantity, rounding: rule)
    }

    /// The quantity not yet filled.
    public var remainingQuantity: Quantity { quantity.subtracting(filledQuantity) ?? .zero }

    /// Applies a venue or system event.
    ///
    /// - Throws: ``OrderTransitionError``: `illegal_transition` when the table has no move for this
    ///   state and event, `overfill` when a fill exceeds the remaining quantity, `duplicate_fill`
    ///   for a trade id already applied. The order is unchanged when it throws.
    public mutating func apply(_ event: Event, at time: Timestamp) throws(OrderTransitionError) {
        record(event, leadingTo: try status(after: event), at: time)
    }

    /// The state `event` would move the order to, without moving it.
    ///
    /// - Throws: what ``apply(_:at:)`` throws for the event.
    public func status(after event: Event) throws(OrderTransitionError) -> Status {
        var filledAfter = filledQuantity
        if case .fill(let fill) = event {
            guard !hasFill(fill.tradeID) else {
                throw OrderTransitionError(.duplicateFill, order: clientOrderID, from: status, event: event.kind)
            }
            guard fill.quantity <= remainingQuantity else {
                throw OrderTransitionError(.overfill, order: clientOrderID, from: status, event: event.kind)
            }
            filledAfter = Quantity(FixedPoint(raw: filledQuantity.value.raw + fill.quantity.value.raw))
        }
        guard let next = status.next(on: event.kind, complete: filledAfter == quantity, partial: !filledAfter.isZero)
        else {
            throw OrderTransitionError(.illegalTransition, order: clientOrderID, from: status, event: event.kind)
        }
        return next
    }

    /// Whether a fill with `tradeID` was applied.
    private func hasFill(_ tradeID: TradeID) -> Bool {
        history.contains { if case .fill(let fill) = $0.event { fill.tradeID == tradeID } else { false } }
    }

    /// Moves the order to `next` on `event`: for a caller that checked the event with
    /// ``status(after:)`` first, and changed other state in between.
    ///
    /// - Precondition: `next` is what `status(after: event)` returns for the order as it is.
    package mutating func record(_ event: Event, leadingTo next: Status, at time: Timestamp) {
        switch event {
        case .accept(let venueOrderID): self.venueOrderID = venueOrderID
        case .fill(let fill):
            filledQuantity = Quantity(FixedPoint(raw: filledQuantity.value.raw + fill.quantity.value.raw))
        default: break
        }
        // Room for the usual life (submit, accept, fill, and a cancel or a second fill) at once:
        // appending one by one would move the history to a larger buffer at each step.
        if history.isEmpty { history.reserveCapacity(4) }
        history.append(Transition(from: status, to: next, event: event, time: time))
        status = next
    }

    private enum CodingKeys: String, CodingKey {
        case clientOrderID, instrument, symbol, side, kind, quantity, timeInForce, status, venueOrderID, filledQuantity, history
    }

    /// Decodes an order as ``encode(to:)`` writes it; one saved before instruments and times in
    /// force were kept is a spot order, good till cancelled.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clientOrderID = try container.decode(ClientOrderID.self, forKey: .clientOrderID)
        symbol = try container.decode(Symbol.self, forKey: .symbol)
        instrument = try container.decodeIfPresent(Instrument.self, forKey: .instrument) ?? .spot(symbol)
        side = try container.decode(OrderSide.self, forKey: .side)
        kind = try container.decode(Kind.self, forKey: .kind)
        quantity = try container.decode(Quantity.self, forKey: .quantity)
        timeInForce = try container.decodeIfPresent(TimeInForce.self, forKey: .timeInForce) ?? .goodTillCancelled
        status = try container.decode(Status.self, forKey: .status)
        venueOrderID = try container.decodeIfPresent(VenueOrderID.self, forKey: .venueOrderID)
        filledQuantity = try container.decode(Quantity.self, forKey: .filledQuantity)
        history = try container.decode([Transition].self, forKey: .history)
        guard instrument.underlying == symbol else {
            throw DecodingError.dataCorruptedError(
                forKey: .instrument, in: container, debugDescription: "order \(clientOrderID): instrument on \(instrument.underlying), symbol \(symbol)")
        }
    }

    /// Encodes the order; a spot instrument and good-till-cancelled are left out (they are what a
    /// missing key reads as), so a spot order's record is as it always was.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clientOrderID, forKey: .clientOrderID)
        if case .option = instrument { try container.encode(instrument, forKey: .instrument) }
        try container.encode(symbol, forKey: .symbol)
        try container.encode(side, forKey: .side)
        try container.encode(kind, forKey: .kind)
        try container.encode(quantity, forKey: .quantity)
        if timeInForce != .goodTillCancelled { try container.encode(timeInForce, forKey: .timeInForce) }
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(venueOrderID, forKey: .venueOrderID)
        try container.encode(filledQuantity, forKey: .filledQuantity)
        try container.encode(history, forKey: .history)
    }
}
