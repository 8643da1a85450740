/// A venue that places brackets natively (IB's attached orders and OCA groups): the venue, not the
/// engine, releases the exits when the entry fills and cancels one exit when the other fills, so
/// the protection holds while the engine is down.
public protocol BracketOrderGateway: OrderGateway {
    /// Places every order of `bracket` at once: the entry working, the take-profit and stop-loss
    /// held until it fills; or, without an entry, the two working as a one-cancels-other group.
    /// Each order is then an order of its own client order id: looked up, cancelled and reported
    /// like any other. Cancelling the entry cancels the exits it holds.
    ///
    /// - Returns: the acknowledgement of the bracket's first order (the others are acknowledged on
    ///   ``OrderGateway/events()`` and by lookup).
    /// - Throws: ``VenueError`` as ``OrderGateway/place(_:)`` does, for the whole bracket: none of
    ///   it was placed when it is not ambiguous.
    func place(_ bracket: OrderBracket) async throws(VenueError) -> PlaceAcknowledgement
}
