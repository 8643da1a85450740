import TraderCore

/// An order working at the ``SimulatedExchange``: what the venue needs to match, fill and look it
/// up. The venue keeps no history of its own (the engine's ``Order`` does), so keeping and filling
/// a resting order copies no transitions and allocates nothing.
public struct RestingOrder: Hashable, Sendable {
    /// The client's id.
    public let clientOrderID: ClientOrderID
    /// The id the venue gave it on acceptance.
    public let venueOrderID: VenueOrderID
    /// What is traded.
    public let symbol: Symbol
    /// Buy or sell.
    public let side: OrderSide
    /// Limit or market.
    public let kind: Order.Kind
    /// How long it works.
    public let timeInForce: Order.TimeInForce
    /// The quantity not yet filled.
    public internal(set) var remainingQuantity: Quantity
    /// The currency its fees are charged in (the symbol's quote currency).
    let feeCurrency: Currency

    /// `order` as accepted under `venueOrderID`, nothing of it filled yet, its fees in `feeCurrency`.
    init(_ order: Order, venueOrderID: VenueOrderID, feeCurrency: Currency) {
        clientOrderID = order.clientOrderID
        self.venueOrderID = venueOrderID
        symbol = order.symbol
        side = order.side
        kind = order.kind
        timeInForce = order.timeInForce
        remainingQuantity = order.remainingQuantity
        self.feeCurrency = feeCurrency
    }
}
