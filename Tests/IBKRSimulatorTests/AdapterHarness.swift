import Backtest
import IBKRAdapter
@testable import IBKRSimulator
import Synchronization
import TraderCore
import TraderTestKit

/// Order ids from a counter: the tests' stand-in for the state store's reservation.
final class CountingOrderIDs: OrderIDReservation {
    private let next = Mutex(1)

    func reserveOrderID(atLeast minimum: Int) async throws(VenueError) -> Int {
        next.withLock { next in
            let id = max(next, minimum)
            next = id + 1
            return id
        }
    }
}

/// The simulator serving real SPY minute bars on a free port of 127.0.0.1 (30 bars closed: the
/// present is 10:00 on 2013-10-04), and an ``IBKRAdapter`` connected to it over TCP, on the replay's clock.
struct AdapterHarness: Sendable {
    static let spy = Symbol(base: "SPY", quote: "USD")

    let gateway: SimulatedGateway
    let adapter: IBKRAdapter
    let port: Int

    /// Runs `body` with a fresh simulator and a connected adapter, and stops both after.
    static func with(
        cash: FixedPoint = FixedPoint(100_000), participationRate: FixedPoint? = nil, requestTimeout: Duration = .seconds(20),
        _ body: (AdapterHarness) async throws -> Void
    ) async throws {
        let gateway = try await GatewayMarket.make(
            sources: [.init(symbol: spy, path: try SharedData.path(GatewayHarness.spyMinutes))], cash: cash, warmupBars: 30, permIDBase: 7000,
            participationRate: participationRate)
        let simulator = IBKRSimulator(gateway: gateway)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task { try await simulator.run { continuation.yield($0) } }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }
        let adapter = IBKRAdapter(
            configuration: IBKRConfiguration(
                port: port, clientID: 11, products: [spy], orderIDs: CountingOrderIDs(), requestTimeout: requestTimeout, baseBackoff: .milliseconds(50),
                maxBackoff: .milliseconds(200), clock: gateway.clock))
        let connection = Task { try await adapter.run() }
        defer { connection.cancel() }
        await adapter.waitUntilConnected()
        try await body(AdapterHarness(gateway: gateway, adapter: adapter, port: port))
    }

    /// Closes `bars` bars at the simulator and returns once the adapter has handled what they caused.
    func advance(bars: Int = 1) async throws {
        try await gateway.advance(bars: bars)
        _ = try await adapter.serverTime()
    }
}

/// ``IBKRAdapter`` over the simulator, as the venue conformance suite drives it: SPY at 168.15 /
/// 168.16, 1 bp of each bar's volume filled an order (about 30 shares of a minute bar).
struct IBKRVenueUnderTest: VenueUnderTest {
    let harness: AdapterHarness
    var venue: IBKRAdapter { harness.adapter }
    var symbol: Symbol { AdapterHarness.spy }

    func restingBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: Price(FixedPoint(160)), postOnly: false), quantity: Quantity(FixedPoint(2)))
    }

    func fillingBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: Price(FixedPoint(169)), postOnly: false), quantity: Quantity(FixedPoint(1)))
    }

    func partlyFillingBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: Price(FixedPoint(169)), postOnly: false), quantity: Quantity(FixedPoint(200)))
    }

    func crossingPostOnlyBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: Price(FixedPoint(169)), postOnly: true), quantity: Quantity(FixedPoint(1)))
    }

    func advanceMarket() async throws { try await harness.advance() }

    func loseNextPlaceAnswer(afterArrival: Bool) async throws { await harness.gateway.loseNextPlaceAnswer(afterArrival: afterArrival) }
}
