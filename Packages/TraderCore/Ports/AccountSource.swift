/// Balances at a venue.
public protocol AccountSource: Sendable {
    /// Every non-zero balance.
    ///
    /// - Throws: ``VenueError``.
    func balances() async throws -> [Balance]
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
