/// Balances and positions at a venue.
public protocol AccountSource: Sendable {
    /// Every non-zero balance.
    ///
    /// - Throws: ``VenueError``.
    func balances() async throws(VenueError) -> [Balance]

    /// Every open position in instruments that are not balances (options at a broker); a spot
    /// venue, where holdings are balances, returns none.
    ///
    /// - Throws: ``VenueError``.
    func positions() async throws(VenueError) -> [VenuePosition]
}

/// A position as a venue reports it.
public struct VenuePosition: Hashable, Sendable {
    /// What is held.
    public let instrument: Instrument
    /// How many units (contracts for options).
    public let quantity: Quantity
    /// The venue's average cost per unit.
    public let averageCost: Price

    /// Creates a position.
    public init(instrument: Instrument, quantity: Quantity, averageCost: Price) {
        self.instrument = instrument
        self.quantity = quantity
        self.averageCost = averageCost
    }
}

/// One currency's balance at a venue.
public struct Balance: Hashable, Sendable {
    /// The currency.
    public let currency: Currency
    /// What can be used for new orders.
    public let available: FixedPoint
    /// What is held for open orders.
    public let hold: FixedPoint

    /// Creates a balance.
    public init(currency: Currency, available: FixedPoint, hold: FixedPoint) {
        self.currency = currency
        self.available = available
        self.hold = hold
    }
}
