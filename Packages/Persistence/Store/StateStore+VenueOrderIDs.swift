import GRDB
import TraderCore

/// Order ids a venue wants from its client (IB's), reserved durably: an id handed out is never
/// handed out again, whatever the venue's own counter says after a restart of either side.
extension StateStore {
    /// Reserves `count` consecutive ids for `venue`, starting at the store's next one or at
    /// `minimum`, whichever is higher, and commits the new high-water mark before returning them.
    ///
    /// - Throws: ``StoreError`` when the store cannot be written.
    public func reserveVenueOrderIDs(venue: String, count: Int, atLeast minimum: Int) async throws(StoreError) -> Range<Int> {
        try await asyncWrite { db in
            let next = try Int.fetchOne(db, sql: "SELECT next_id FROM venue_order_ids WHERE venue = ?", arguments: [venue]) ?? 1
            let first = Swift.max(next, minimum)
            let end = first + Swift.max(1, count)
            try db.execute(
                sql: "INSERT INTO venue_order_ids (venue, next_id) VALUES (?, ?) ON CONFLICT(venue) DO UPDATE SET next_id = excluded.next_id",
                arguments: [venue, end])
            return first..<end
        }
    }
}
