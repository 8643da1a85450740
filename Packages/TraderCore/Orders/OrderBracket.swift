/// Orders that protect one position, placed at the venue as one: a take-profit limit and a
/// stop-loss stop on the exit side, one-cancels-other (a fill of one cancels the other), and
/// optionally the entry they protect, which the venue works first and whose fill releases them.
///
/// Without an entry, the two protect a position already held, as a one-cancels-other group.
public struct OrderBracket: Hashable, Sendable {
    /// The entry: a limit order, or `nil` for a pair protecting a position already held.
    public let entry: Order?
    /// The take-profit: a limit order on the exit side.
    public let takeProfit: Order
    /// The stop-loss: a stop order on the exit side.
    public let stopLoss: Order

    /// A bracket of `takeProfit` and `stopLoss`, around `entry` if given.
    ///
    /// - Throws: ``VenueError`` `rejected` (`unsupported_order`) when the take-profit is not a
    ///   limit, the stop-loss not a stop, the entry not a limit, or the orders do not trade the
    ///   same instrument and quantity on opposite sides of the entry; (`invalid_price`) when the
    ///   take-profit and the stop are not either side of the entry's price (above and below it for
    ///   a buy, the other way for a sell), or on the wrong side of each other.
    public init(entry: Order? = nil, takeProfit: Order, stopLoss: Order) throws(VenueError) {
        let name = (entry ?? takeProfit).clientOrderID
        func refuse(_ reason: String, _ rejection: VenueError.Rejection = .unsupportedOrder) -> VenueError {
            VenueError(.rejected, message: "bracket \(name): \(reason)", rejection: rejection)
        }
        guard case .limit(let target, _) = takeProfit.kind else { throw refuse("the take-profit must be a limit order") }
        guard case .stop(let trigger) = stopLoss.kind else { throw refuse("the stop-loss must be a stop order") }
        guard takeProfit.side == stopLoss.side, takeProfit.instrument == stopLoss.instrument, takeProfit.quantity == stopLoss.quantity else {
            throw refuse("the take-profit and the stop-loss must exit the same quantity of the same instrument")
        }
        let exitsLong = takeProfit.side == .sell
        if let entry {
            guard case .limit(let price, _) = entry.kind else { throw refuse("the entry must be a limit order") }
            guard entry.side != takeProfit.side, entry.instrument == takeProfit.instrument, entry.quantity == takeProfit.quantity else {
                throw refuse("the exits must close the entry's quantity of its instrument")
            }
            let ordered = exitsLong ? trigger < price && price < target : target < price && price < trigger
            guard ordered else { throw refuse("take-profit \(target) and stop \(trigger) must lie either side of \(price)", .invalidPrice) }
        } else {
            guard exitsLong ? trigger < target : target < trigger else {
                throw refuse("take-profit \(target) and stop \(trigger) are on the wrong sides of each other", .invalidPrice)
            }
        }
        self.entry = entry
        self.takeProfit = takeProfit
        self.stopLoss = stopLoss
    }

    /// The bracket's orders: the entry (if any), the take-profit, then the stop-loss.
    public var orders: [Order] { (entry.map { [$0] } ?? []) + [takeProfit, stopLoss] }

    /// The client order ids of the children of an entry or a pair named `id`: `id-tp` and `id-sl`.
    public static func childIDs(of id: ClientOrderID) -> (takeProfit: ClientOrderID, stopLoss: ClientOrderID) {
        (ClientOrderID(id.rawValue + "-tp"), ClientOrderID(id.rawValue + "-sl"))
    }
}
