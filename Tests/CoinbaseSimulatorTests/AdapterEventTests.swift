import CoinbaseAdapter
import CoinbaseSimulator
import Testing
import TraderCore
import TraderTestKit

/// ``CoinbaseAdapter/events()`` against the simulator: orders polled over REST arrive as status
/// reports when they change, and a poll that fails loses nothing.
@Suite struct AdapterEventTests {
    /// Reads `stream` until a report of `id` in `status` arrives; the reports of `id` seen on the way.
    func reports(
        of id: ClientOrderID, until status: Order.Status, in iterator: inout AsyncStream<VenueUpdate>.Iterator
    ) async -> [VenueOrderReport] {
        var seen: [VenueOrderReport] = []
        while let update = await iterator.next() {
            guard case .event(let event) = update, event.clientOrderID == id, case .status(let report) = event.change else { continue }
            seen.append(report)
            if report.status == status { break }
        }
        return seen
    }

    /// A resting buy placed through the adapter, with the venue's id.
    func placeRestingBuy(_ id: String, _ harness: SimulatorHarness) async throws -> (Order, VenueOrderID) {
        let order = try await CoinbaseVenueUnderTest(harness: harness).restingBuy(ClientOrderID(id))
        guard case .accepted(let venueID) = try await harness.adapter.place(order) else { throw Unaccepted() }
        return (order, venueID)
    }

    struct Unaccepted: Error {}

    @Test(.timeLimit(.minutes(1)))
    func aRestingOrderIsReportedOpenOnceThenCancelled() async throws {
        try await SimulatorHarness.with { harness in
            var events = harness.adapter.events().makeAsyncIterator()
            let (order, venueID) = try await placeRestingBuy("events-cancel-1", harness)
            let open = await reports(of: order.clientOrderID, until: .open, in: &events)
            #expect(open.map(\.status) == [.open])
            #expect(open.first?.venueOrderID == venueID)
            try await harness.adapter.cancel(OrderReference(order.clientOrderID, venueOrderID: venueID))
            let after = await reports(of: order.clientOrderID, until: .cancelled, in: &events)
            #expect(after.map(\.status) == [.cancelled])
            #expect(after.first?.filledQuantity == .zero)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aCancelDuringFailingPollsIsReportedOnceThePollsRecover() async throws {
        try await SimulatorHarness.with { harness in
            var events = harness.adapter.events().makeAsyncIterator()
            let (order, venueID) = try await placeRestingBuy("events-outage-1", harness)
            #expect(await reports(of: order.clientOrderID, until: .open, in: &events).map(\.status) == [.open])
            // Every listing fails for two polls' worth of attempts (four each), and the order is cancelled meanwhile.
            var outage = Fault(.status)
            outage.status = 503
            outage.method = "GET"
            outage.path = "/api/v3/brokerage/orders/historical/batch"
            outage.count = 8
            await harness.simulator.inject(outage)
            try await harness.adapter.cancel(OrderReference(order.clientOrderID, venueOrderID: venueID))
            let after = await reports(of: order.clientOrderID, until: .cancelled, in: &events)
            #expect(after.map(\.status) == [.cancelled])
            let served = try await harness.state()["served"] as? [String: Any]
            #expect((served?["requests"] as? [String: Int])?["GET /orders/historical/batch"] ?? 0 > 8)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aWorkingOrderCoinbaseNoLongerKnowsIsDroppedAndThePollsGoOn() async throws {
        try await SimulatorHarness.with { harness in
            var configuration = harness.configuration
            configuration.eventLookback = .zero  // so that a cancelled order leaves every listing
            let adapter = CoinbaseAdapter(configuration: configuration)
            var events = adapter.events().makeAsyncIterator()
            let (order, venueID) = try await placeRestingBuy("events-gone-1", harness)
            #expect(await reports(of: order.clientOrderID, until: .open, in: &events).map(\.status) == [.open])
            var gone = Fault(.status)
            gone.status = 404
            gone.method = "GET"
            gone.path = "/api/v3/brokerage/orders/historical/\(venueID)"
            gone.count = 1_000
            await harness.simulator.inject(gone)
            try await harness.adapter.cancel(OrderReference(order.clientOrderID, venueOrderID: venueID))
            let (next, _) = try await placeRestingBuy("events-gone-2", harness)
            #expect(await reports(of: next.clientOrderID, until: .open, in: &events).map(\.status) == [.open])
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func anOrderPlacedAndFilledBetweenPollsArrivesFilledWithItsFills() async throws {
        try await SimulatorHarness.with { harness in
            let venue = CoinbaseVenueUnderTest(harness: harness)
            let order = try await venue.fillingBuy(ClientOrderID("events-fill-1"))
            _ = try await harness.adapter.place(order)
            try await venue.advanceMarket()
            var events = harness.adapter.events().makeAsyncIterator()
            let seen = await reports(of: order.clientOrderID, until: .filled, in: &events)
            #expect(seen.map(\.status) == [.filled])
            #expect(seen.first?.fills.reduce(Int64(0)) { $0 + $1.quantity.value.raw } == order.quantity.value.raw)
        }
    }
}
