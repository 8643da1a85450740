import TraderCore

/// A venue implementation as the conformance suite drives it: the venue itself, and the few
/// things only its own harness can do (make orders that rest, fill or fill in part there, let
/// market time pass, lose an answer).
public protocol VenueUnderTest: Sendable {
    /// The venue's type.
    associatedtype Venue: OrderGateway & MarketData & ProductCatalog & AccountSource

    /// The venue.
    var venue: Venue { get }
    /// The product the checks trade.
    var symbol: Symbol { get }

    /// A buy that rests without filling until it is cancelled.
    func restingBuy(_ id: ClientOrderID) async throws -> Order
    /// A buy that fills completely once the market moves on (``advanceMarket()``).
    func fillingBuy(_ id: ClientOrderID) async throws -> Order
    /// A buy that fills only in part when the market moves on once.
    func partlyFillingBuy(_ id: ClientOrderID) async throws -> Order
    /// A post-only buy that would take liquidity now, which the venue must refuse.
    func crossingPostOnlyBuy(_ id: ClientOrderID) async throws -> Order
    /// Lets market time pass (a bar, a simulator tick) so that orders can fill; returns once the
    /// venue has reported what happened.
    func advanceMarket() async throws
    /// Loses the answer to the next placement: the order reaches the venue first
    /// (`afterArrival`), or never arrives.
    func loseNextPlaceAnswer(afterArrival: Bool) async throws
}
