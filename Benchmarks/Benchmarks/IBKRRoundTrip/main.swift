// IBKRAdapter against the simulator over loopback TCP, release build (issue 22's figures):
//   1. a place-order's round trip to its acknowledgement (OPEN_ORDER and ORDER_STATUS), p50 and p99;
//   2. the decoding of streams of OPEN_ORDER + ORDER_STATUS (REQ_OPEN_ORDERS) and EXECUTION_DATA +
//      COMMISSION_REPORT (REQ_EXECUTIONS) of ORDERS orders, in messages a second: the whole path
//      (the simulator encoding, the socket, the framing, the field tables, the adapter's books);
//   3. the decoding alone of those streams as recorded off the wire (REQ_ALL_OPEN_ORDERS and
//      REQ_EXECUTIONS by a bare client): framing, fields and field tables, in messages a second.
// The adapter's 45-messages-a-second throttle is lifted: it measures the code, not IB's limit.
//   swift run -c release IBKRRoundTrip [ORDERS]   (default 2000; reads ../shared/data)
import Backtest
import Foundation
@_spi(Benchmarks) import IBKRAdapter
import IBKRSimulator
import Synchronization
import TraderCore

final class Counter: OrderIDReservation {
    let next = Mutex(1)
    func reserveOrderID(atLeast minimum: Int) async throws(VenueError) -> Int {
        next.withLock { next in
            let id = max(next, minimum)
            next = id + 1
            return id
        }
    }
}

func percentile(_ sorted: [Double], _ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }

func run() async throws {
    let orders = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 2000 : 2000
    let spy = Symbol(base: "SPY", quote: "USD")
    let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/data/us-equities/spy_1m_20131004-20131011.csv").standardized.path
    let gateway = try await GatewayMarket.make(sources: [.init(symbol: spy, path: data)], cash: FixedPoint(1_000_000_000), warmupBars: 30)
    let (ports, portOut) = AsyncStream.makeStream(of: Int.self)
    let server = Task { try await IBKRSimulator(gateway: gateway).run { portOut.yield($0) } }
    var portIterator = ports.makeAsyncIterator()
    guard let port = await portIterator.next() else { fatalError("the simulator did not listen") }
    let adapter = IBKRAdapter(
        configuration: IBKRConfiguration(port: port, clientID: 1, products: [spy], orderIDs: Counter(), messagesPerSecond: 1_000_000, clock: gateway.clock))
    let connection = Task { try await adapter.run() }
    await adapter.waitUntilConnected()

    func order(_ index: Int, _ tag: String, price: Int) -> Order {
        Order(clientOrderID: ClientOrderID("\(tag)-\(index)"), symbol: spy, side: .buy, kind: .limit(price: Price(FixedPoint(price)), postOnly: false), quantity: Quantity(FixedPoint(1)))
    }

    let clock = ContinuousClock()
    var latencies: [Double] = []
    for index in 0..<orders {
        let start = clock.now
        _ = try await adapter.place(order(index, "rest", price: 100))
        latencies.append(Double((clock.now - start).components.attoseconds) / 1e12 + Double((clock.now - start).components.seconds) * 1e6)
    }
    latencies.sort()
    print(String(format: "place → acknowledgement, %d orders: p50 %.0f µs, p99 %.0f µs, max %.0f µs", orders, percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.last ?? 0))

    let openStart = clock.now
    let open = try await adapter.openOrders()
    let openSeconds = Double((clock.now - openStart).components.attoseconds) / 1e18 + Double((clock.now - openStart).components.seconds)
    print(String(format: "REQ_OPEN_ORDERS: %d OPEN_ORDER + ORDER_STATUS in %.1f ms = %.0f messages/s", open.count, openSeconds * 1000, Double(2 * open.count) / openSeconds))

    for index in 0..<orders { _ = try await adapter.place(order(index, "fill", price: 169)) }
    let fillStart = clock.now
    let fills = try await adapter.fills(since: Timestamp(secondsSinceEpoch: 0))
    let fillSeconds = Double((clock.now - fillStart).components.attoseconds) / 1e18 + Double((clock.now - fillStart).components.seconds)
    print(String(format: "REQ_EXECUTIONS: %d EXECUTION_DATA + COMMISSION_REPORT in %.1f ms = %.0f messages/s", fills.count, fillSeconds * 1000, Double(2 * fills.count) / fillSeconds))

    let recorder = try RecordingClient(port: port, clientID: 2)
    let streams = [
        ("OPEN_ORDER + ORDER_STATUS", try recorder.record(["16", "1"], until: "53")),
        ("EXECUTION_DATA + COMMISSION_REPORT", try recorder.record(["7", "3", "1", "0", "", "", "", "", "", ""], until: "55")),
    ]
    for (name, stream) in streams {
        let counts = TWSStreamDecoding.decode(stream)
        var best = Double.infinity
        for _ in 0..<20 {
            let start = clock.now
            precondition(TWSStreamDecoding.decode(stream) == counts)
            let elapsed = clock.now - start
            best = min(best, Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        }
        let figures = String(format: "%d frames, %d bytes recorded): %.2f ms = %.0f messages/s (best of 20)", counts.total, stream.count, best * 1000, Double(counts.total) / best)
        print("decode only, \(name) (" + figures)
        print("  decoded: \(counts.openOrders) OPEN_ORDER, \(counts.orderStatuses) ORDER_STATUS, \(counts.executions) EXECUTION_DATA, \(counts.commissionReports) COMMISSION_REPORT, \(counts.others) other")
    }
    connection.cancel()
    server.cancel()
}

try await run()
