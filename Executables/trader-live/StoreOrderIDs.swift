import IBKRAdapter
import Persistence
import Synchronization
import TraderCore

/// IB order ids reserved in the node's state store (`venue_order_ids`), fifty at a time: an id is
/// handed out once, ever, across restarts of the node and of the gateway. The store is attached
/// when the node has opened it; before that no id can be reserved.
final class StoreOrderIDs: OrderIDReservation {
    static let block = 50
    private let state = Mutex<(store: StateStore?, reserved: Range<Int>)>((nil, 0..<0))

    /// Reserves from `store` from now on.
    func attach(_ store: StateStore) { state.withLock { $0.store = store } }

    func reserveOrderID(atLeast minimum: Int) async throws(VenueError) -> Int {
        let taken: Int? = state.withLock { state in
            guard let first = state.reserved.first(where: { $0 >= minimum }) else { return nil }
            state.reserved = (first + 1)..<state.reserved.upperBound
            return first
        }
        if let taken { return taken }
        guard let store = state.withLock({ $0.store }) else { throw VenueError(.notSent, message: "no order id: the state store is not open yet") }
        let block: Range<Int>
        do {
            block = try await store.reserveVenueOrderIDs(venue: "ibkr", count: Self.block, atLeast: minimum)
        } catch {
            throw VenueError(.notSent, message: "no order id: the state store refused the reservation", cause: "\(error)")
        }
        guard let first = block.first else { throw VenueError(.notSent, message: "no order id: the store reserved none") }
        state.withLock { $0.reserved = (first + 1)..<block.upperBound }
        return first
    }
}
