import TraderCore

/// What the venue says at one moment, as a shell gathers it for a reconciliation: balances,
/// positions, the orders working there, fills since a time, and a lookup of each order the engine
/// asked about (``TradingEngine/ordersToLookUp(openAtVenue:)``).
public struct VenueSnapshot: Sendable {
    /// When it was gathered (the time the adopted events carry).
    public var time: Timestamp
    /// Every balance.
    public var balances: [Balance]
    /// Positions, for a venue that keeps them (spot holdings are balances).
    public var positions: [VenuePosition]
    /// Every order working at the venue.
    public var openOrders: [VenueOrderReport]
    /// Fills since a time the shell chose (the last one it booked, say).
    public var fills: [VenueFillReport]
    /// The venue's answer to each lookup: a report, or `nil` when the venue never received the order.
    public var lookups: [ClientOrderID: VenueOrderReport?]

    /// Creates a snapshot.
    public init(
        time: Timestamp, balances: [Balance], positions: [VenuePosition] = [], openOrders: [VenueOrderReport],
        fills: [VenueFillReport], lookups: [ClientOrderID: VenueOrderReport?]
    ) {
        self.time = time
        self.balances = balances
        self.positions = positions
        self.openOrders = openOrders
        self.fills = fills
        self.lookups = lookups
    }

    /// What is held of `currency`, available and on hold.
    public func total(of currency: Currency) -> FixedPoint {
        balances.first { $0.currency == currency }.map { FixedPoint(raw: $0.available.raw &+ $0.hold.raw) } ?? .zero
    }
}
