import Backtest
@testable import IBKRSimulator
import TraderCore
import TraderTestKit

/// A simulated gateway in this process replaying real SPY minute bars of 2013-10-04 (shared data),
/// and one connected client whose messages a test reads in order: requests go straight to the
/// gateway's handler, without a socket (the socket tests are separate).
final class GatewayHarness {
    /// SPY's minute bars, 2013-10-04 to 2013-10-11, regular session.
    static let spyMinutes = "data/us-equities/spy_1m_20131004-20131011.csv"
    /// The client id the harness connects with.
    static let clientID = 1

    let gateway: SimulatedGateway
    let connection: Int
    private let output: AsyncStream<[String]>.Continuation
    private var messages: AsyncStream<[String]>.Iterator

    /// A gateway with `warmupBars` minute bars closed (30: the present is 10:00 New York time).
    init(warmupBars: Int = 30, cash: FixedPoint = FixedPoint(100_000)) async throws {
        gateway = try await GatewayMarket.make(
            sources: [.init(symbol: Symbol(base: "SPY", quote: "USD"), path: try SharedData.path(Self.spyMinutes))], cash: cash,
            warmupBars: warmupBars, permIDBase: 5000)
        let (stream, output) = AsyncStream.makeStream(of: [String].self)
        self.output = output
        messages = stream.makeAsyncIterator()
        guard let connection = await gateway.connect(clientID: Self.clientID, output: output) else { throw HarnessProblem.refused }
        self.connection = connection
        _ = await drain()
    }

    /// Sends one request, as the socket would hand it over.
    func send(_ fields: [String]) async { await gateway.handle(fields, from: connection) }

    /// Every message the client has been sent since the last drain, in order.
    func drain() async -> [[String]] {
        output.yield([Self.marker])
        var received: [[String]] = []
        while let message = await messages.next(), message != [Self.marker] { received.append(message) }
        return received
    }

    /// Sends `fields` and returns what the client was sent in answer.
    func request(_ fields: [String]) async -> [[String]] {
        await send(fields)
        return await drain()
    }

    /// Advances the replay by `bars` bar closes and returns what the client was sent meanwhile.
    func advance(bars: Int) async throws -> [[String]] {
        try await gateway.advance(bars: bars)
        return await drain()
    }

    private static let marker = "\u{1}drained"

    enum HarnessProblem: Error { case refused }
}

/// PLACE_ORDER messages as ib_async 2.1.0 writes them: the reference's §4.1 capture of a bracket
/// parent (`3,12,265598,AAPL,STK,…`, 114 fields), with the contract, the prices and the bracket
/// fields changed.
enum PlaceOrderMessage {
    /// The capture, fields joined by commas.
    static let captured =
        "3,12,265598,AAPL,STK,,0.0,,,SMART,NASDAQ,USD,AAPL,NMS,,,BUY,10,LMT,189.5,,,,,O,0,,0,0,0,0,0,0,0,0,,0.0,,,,,,,0,,-1,0,,,0,,,0,0,,0,,,,,,0,,,,,0,,,,,,,,,,,0,,,0,0,,,0,,0,0,0,0,,,,,,,0,,,,,,,,,0,0,0,0,,,0,,"

    /// SPY as ib_async writes a qualified stock contract.
    static func spy(conID: Int) -> [String] { [String(conID), "SPY", "STK", "", "0.0", "", "", "SMART", "ARCA", "USD", "SPY", "SPY"] }

    /// An order of `type` (`LMT` with `limit`, `STP` with `stop`, `MKT`), as ib_async's `LimitOrder`,
    /// `StopOrder` or `MarketOrder` sends it.
    static func make(
        _ orderID: Int, contract: [String], action: String, quantity: String, type: String, limit: String = "", stop: String = "",
        transmit: Bool = true, parentID: Int = 0, ocaGroup: String = "", ocaType: Int = 0
    ) -> [String] {
        var fields = captured.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[1] = String(orderID)
        fields.replaceSubrange(2...13, with: contract)
        (fields[16], fields[17], fields[18], fields[19], fields[20]) = (action, quantity, type, limit, stop)
        fields[22] = ocaGroup
        (fields[27], fields[28]) = (transmit ? "1" : "0", String(parentID))
        fields[46] = String(ocaType)
        return fields
    }
}
