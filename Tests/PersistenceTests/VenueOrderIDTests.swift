import Persistence
import Testing
import TraderCore

/// Venue order ids reserved in the state file: never handed out twice, across reopenings and
/// whatever the venue's own counter says.
@Suite struct VenueOrderIDTests {
    @Test func reservationsAreConsecutiveAndSurviveReopening() async throws {
        let path = try StoreFixture.statePath()
        do {
            let store = try StateStore(path: path)
            #expect(try await store.reserveVenueOrderIDs(venue: "ibkr", count: 10, atLeast: 1) == 1..<11)
            #expect(try await store.reserveVenueOrderIDs(venue: "ibkr", count: 10, atLeast: 1) == 11..<21)
        }
        let reopened = try StateStore(path: path)
        #expect(try await reopened.reserveVenueOrderIDs(venue: "ibkr", count: 5, atLeast: 1) == 21..<26)
    }

    @Test func aHigherMinimumMovesTheMarkAndALowerOneNeverMovesItBack() async throws {
        let store = try StateStore(path: try StoreFixture.statePath())
        #expect(try await store.reserveVenueOrderIDs(venue: "ibkr", count: 2, atLeast: 500) == 500..<502)
        // A gateway whose next valid id rolled back to 1 gets no id already used.
        #expect(try await store.reserveVenueOrderIDs(venue: "ibkr", count: 2, atLeast: 1) == 502..<504)
        #expect(try await store.reserveVenueOrderIDs(venue: "other", count: 1, atLeast: 1) == 1..<2)
    }
}
