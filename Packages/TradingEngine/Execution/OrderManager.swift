import TraderCore

/// What happens to the engine's orders after they are placed, as decisions the engine turns into
/// intents:
///
/// - a post-only order still resting ``ExecutionPolicy/postOnlyTTL`` after it was placed is
///   cancelled; once the venue confirms the cancel, its unfilled part is re-quoted at the then
///   best price, at most ``ExecutionPolicy/maxRequotes`` times per trade, and then given up;
/// - an order whose submit had no clear answer (`unknown`) is looked up by its client order id on
///   every cycle until an answer settles it. It is never sent again.
///
/// It holds only what the orders themselves do not: when each was placed, for which proposal, and
/// how many re-quotes came before it.
struct OrderManager: Sendable {
    /// One placed order's origin.
    struct Placement: Hashable, Sendable, Codable {
        /// The proposal the order carries out (re-quotes carry the same one).
        let proposal: TradeProposal
        /// The decision instant that placed it.
        let placedAt: Timestamp
        /// How many re-quotes of its trade came before it (0 for the first order).
        let requotes: Int
    }

    /// The unfilled part of a trade whose TTL cancel went through, waiting for the next cycle's
    /// quote.
    struct Requote: Hashable, Sendable, Codable {
        /// The cancelled order.
        let replacing: ClientOrderID
        /// Its side and symbol, and the quantity still to trade.
        let symbol: Symbol
        let side: OrderSide
        let quantity: Quantity
        /// The cancelled order's placement.
        let placement: Placement
    }

    let ttl: Duration?
    let maxRequotes: Int
    /// Working orders the engine placed while a TTL applies, by client order id.
    private(set) var placements: [ClientOrderID: Placement] = [:]
    /// Orders whose TTL cancel was sent.
    private(set) var cancelling: Set<ClientOrderID> = []
    /// Re-quotes due on the next cycle, in the order their cancels were confirmed.
    private(set) var dueRequotes: [Requote] = []
    /// Orders in `unknown`, waiting for a lookup to settle them.
    private(set) var awaitingLookup: Set<ClientOrderID> = []

    init(policy: ExecutionPolicy) {
        ttl = policy.postOnlyTTL
        maxRequotes = policy.maxRequotes
    }

    /// A manager under `policy` that picks up where a saved one left off.
    init(
        policy: ExecutionPolicy, placements: [ClientOrderID: Placement], cancelling: Set<ClientOrderID>, dueRequotes: [Requote],
        awaitingLookup: Set<ClientOrderID>
    ) {
        self.init(policy: policy)
        self.placements = placements
        self.cancelling = cancelling
        self.dueRequotes = dueRequotes
        self.awaitingLookup = awaitingLookup
    }

    mutating func placed(_ order: Order, proposal: TradeProposal, at time: Timestamp, requotes: Int) {
        guard ttl != nil else { return }  // without a TTL nothing is ever re-quoted
        placements[order.clientOrderID] = Placement(proposal: proposal, placedAt: time, requotes: requotes)
    }

    /// Post-only orders resting at `now` for at least the TTL (open or partly filled, not already
    /// being cancelled), in client order id order.
    func staleOrders(_ orders: [ClientOrderID: Order], at now: Timestamp) -> [ClientOrderID] {
        guard let ttl, !placements.isEmpty else { return [] }
        var stale: [ClientOrderID] = []
        for (id, placement) in placements where !cancelling.contains(id) && placement.placedAt.duration(to: now) >= ttl {
            guard let order = orders[id], case .limit(_, postOnly: true) = order.kind,
                order.status == .open || order.status == .partiallyFilled
            else { continue }
            stale.append(id)
        }
        return stale.sorted()
    }

    mutating func cancelSent(_ id: ClientOrderID) {
        cancelling.insert(id)
    }

    /// Takes the re-quotes due now.
    mutating func takeDueRequotes() -> [Requote] {
        defer { dueRequotes.removeAll() }
        return dueRequotes
    }

    /// Follows `order` after an event: lookups while it is `unknown`, and, when a TTL cancel ends
    /// it with quantity left, its re-quote (due on the next cycle, which drops it when the trade
    /// has used every re-quote).
    mutating func update(after order: Order) {
        // The id is read where the order holds it each time: a local copy would retain its text.
        if order.status == .unknown {
            awaitingLookup.insert(order.clientOrderID)
        } else if !awaitingLookup.isEmpty {
            awaitingLookup.remove(order.clientOrderID)
        }
        // Tested for emptiness first: most orders are never cancelled for their TTL.
        let cancelledForTTL = !cancelling.isEmpty && cancelling.contains(order.clientOrderID)
        if cancelledForTTL, order.status != .pendingCancel { cancelling.remove(order.clientOrderID) }
        guard order.status.isTerminal else { return }
        guard let placement = placements.removeValue(forKey: order.clientOrderID) else { return }
        guard cancelledForTTL, order.status == .cancelled, !order.remainingQuantity.isZero else { return }
        dueRequotes.append(
            Requote(
                replacing: order.clientOrderID, symbol: order.symbol, side: order.side,
                quantity: order.remainingQuantity, placement: placement))
    }
}
