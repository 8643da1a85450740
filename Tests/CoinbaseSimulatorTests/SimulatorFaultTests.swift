import CoinbaseAdapter
import CoinbaseSimulator
import RiskKit
import Synchronization
import Testing
import TraderCore
import TraderTestKit

/// The simulator's faults against the adapter: each proves no duplicate order at the simulator
/// (counted there) and the typed error the adapter gives.
@Suite struct SimulatorFaultTests {
    func restingBuy(_ harness: SimulatorHarness, _ id: String) async throws -> Order {
        try await CoinbaseVenueUnderTest(harness: harness).restingBuy(ClientOrderID(id))
    }

    @Test(.timeLimit(.minutes(1)))
    func anOrderWhoseAnswerHangsPastTheTimeoutIsAmbiguousAndPlacedOnce() async throws {
        try await SimulatorHarness.with(requestTimeout: .milliseconds(500)) { harness in
            var fault = Fault(.hang)
            fault.method = "POST"
            fault.path = "/api/v3/brokerage/orders"
            fault.afterArrival = true
            fault.hangMilliseconds = 3_000
            await harness.simulator.inject(fault)
            let order = try await restingBuy(harness, "hang-1")
            let error = await #expect(throws: VenueError.self) { _ = try await harness.adapter.place(order) }
            #expect(error?.code == .timeout)
            #expect(error?.isAmbiguous == true)
            let found = try await harness.adapter.order(OrderReference(order.clientOrderID))
            #expect(found?.status == .open)
            _ = try await harness.adapter.place(order)
            let held = try await harness.ordersHeld().filter { $0["client_order_id"] as? String == "hang-1" }
            #expect(held.count == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aServerErrorAfterTheOrderArrivedIsNeverRetriedAndTheLookupFindsIt() async throws {
        try await SimulatorHarness.with { harness in
            var fault = Fault(.status)
            fault.status = 503
            fault.method = "POST"
            fault.path = "/api/v3/brokerage/orders"
            fault.afterArrival = true
            fault.count = 3
            await harness.simulator.inject(fault)
            let order = try await restingBuy(harness, "five-hundred-1")
            let error = await #expect(throws: VenueError.self) { _ = try await harness.adapter.place(order) }
            #expect(error?.code == .unavailable)
            #expect(error?.isAmbiguous == true)
            let requests = try await harness.state()["served"] as? [String: Any]
            #expect((requests?["requests"] as? [String: Int])?["POST /orders"] == 1)
            #expect(try await harness.adapter.order(OrderReference(order.clientOrderID))?.status == .open)
            #expect(try await harness.ordersHeld().count == 1)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func readsAreRetriedThroughRateLimitBurstsAndServerErrors() async throws {
        try await SimulatorHarness.with { harness in
            var burst = Fault(.rateLimit)
            burst.path = "/api/v3/brokerage/accounts"
            burst.count = 2
            await harness.simulator.inject(burst)
            var failure = Fault(.status)
            failure.status = 502
            failure.path = "/api/v3/brokerage/accounts"
            await harness.simulator.inject(failure)
            let usd = try await harness.adapter.balances().first { $0.currency == .usd }
            #expect(usd?.available == FixedPoint(100_000))
            let requests = (try await harness.state()["served"] as? [String: Any])?["requests"] as? [String: Int]
            #expect(requests?["GET /accounts"] == 4)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aMalformedOrderAnswerIsAmbiguousNeverAFill() async throws {
        try await SimulatorHarness.with { harness in
            var fault = Fault(.malformed)
            fault.method = "POST"
            fault.path = "/api/v3/brokerage/orders"
            fault.afterArrival = true
            await harness.simulator.inject(fault)
            let order = try await restingBuy(harness, "malformed-1")
            let error = await #expect(throws: VenueError.self) { _ = try await harness.adapter.place(order) }
            #expect(error?.code == .malformedReply)
            #expect(try await harness.adapter.order(OrderReference(order.clientOrderID))?.filledQuantity == .zero)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aProductSetCancelOnlyRefusesNewOrdersAndReportsItsStatus() async throws {
        try await SimulatorHarness.with { harness in
            await harness.simulator.exchange.setStatus(.cancelOnly, of: SimulatorHarness.btc)
            #expect(try await harness.adapter.rules(for: SimulatorHarness.btc).status == .cancelOnly)
            let order = try await restingBuy(harness, "cancel-only-1")
            let error = await #expect(throws: VenueError.self) { _ = try await harness.adapter.place(order) }
            #expect(error?.code == .rejected)
            #expect(error?.venueReason == "ORDER_ENTRY_DISABLED")
            #expect(error?.rejection == .productUnavailable)
            #expect(try await harness.ordersHeld().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func theAdaptersBudgetKeepsPrivateRequestsUnderTheSimulatorsLimit() async throws {
        try await SimulatorHarness.with { harness in
            for _ in 0..<60 { _ = try await harness.adapter.balances() }
            let served = try await harness.state()["served"] as? [String: Any]
            #expect(served?["rate_limited"] as? Int == 0)
            let peaks = served?["peak_requests_per_second"] as? [String: Int]
            // The adapter's private budget: a burst of 30, then 10 a second; never more than 40 in any second.
            #expect((peaks?["private"] ?? 99) <= 40)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func anAdapterWithoutABudgetOfItsOwnStaysUnderTheLimitTheSimulatorsHeadersAnnounce() async throws {
        try await SimulatorHarness.with { harness in
            var configuration = harness.configuration
            configuration.privateRate = (1_000_000, 1_000_000)
            let adapter = CoinbaseAdapter(configuration: configuration)
            for _ in 0..<90 { _ = try await adapter.balances() }
            let served = try await harness.state()["served"] as? [String: Any]
            #expect((served?["requests"] as? [String: Int])?["GET /accounts"] == 90)
            #expect(served?["rate_limited"] as? Int == 0)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func rateLimitBurstsAndServerErrorsReachTheVenueHealthWindowAttemptByAttempt() async throws {
        // Every attempt is answered (no timeout is waited out): a long timeout keeps a slow answer
        // on a loaded machine from counting as one.
        try await SimulatorHarness.with(requestTimeout: .seconds(40)) { harness in
            let window = Mutex(VenueHealthWindow(length: .seconds(300)))
            var configuration = harness.configuration
            configuration.observeCall = { _, outcome, time in window.withLock { $0.record(call: outcome, at: time) } }
            let adapter = CoinbaseAdapter(configuration: configuration)
            var burst = Fault(.rateLimit)
            burst.path = "/api/v3/brokerage/accounts"
            burst.count = 3
            await harness.simulator.inject(burst)
            _ = try await adapter.balances()
            var failure = Fault(.status)
            failure.status = 502
            failure.path = "/api/v3/brokerage/accounts"
            failure.count = 4
            await harness.simulator.inject(failure)
            let error = await #expect(throws: VenueError.self) { _ = try await adapter.balances() }
            #expect(error?.code == .unavailable)
            // Three 429s and the success after them; then four 502s, every attempt of the second call.
            let health = window.withLock { $0.health(at: SystemClock().now()) }
            #expect(health == VenueHealth(requests: 8, failures: 7, rateLimitHits: 3))
        }
    }
}
