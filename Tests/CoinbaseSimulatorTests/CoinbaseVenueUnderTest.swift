import CoinbaseAdapter
import CoinbaseSimulator
import TraderCore
import TraderTestKit

/// ``CoinbaseAdapter`` over the simulator, as the venue conformance suite drives it: resting buys at
/// half the bid, market buys that fill on the next bar, a limit buy above the market too large to
/// fill on one bar (Coinbase's market orders are immediate-or-cancel, so the part-filling order
/// is a limit), lost answers as a connection dropped before or after the order reaches the exchange.
struct CoinbaseVenueUnderTest: VenueUnderTest {
    let harness: SimulatorHarness
    var venue: CoinbaseAdapter { harness.adapter }
    var symbol: Symbol { SimulatorHarness.btc }

    private func quote() async throws -> Quote {
        guard let quote = try await venue.quotes(for: [symbol])[symbol] else { throw SimulatorHarness.HarnessProblem.noQuote }
        return quote
    }

    private func price(_ factor: String) async throws -> Price {
        let scaled = try await quote().bid.value.multiplied(by: FixedPoint(factor)!, rounding: .down)
        return try Price(scaled).rounded(toTick: Price("0.01")!, .down)
    }

    func restingBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: try await price("0.5"), postOnly: true), quantity: Quantity("0.01")!)
    }

    func fillingBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .market, quantity: Quantity("0.01")!, timeInForce: .immediateOrCancel)
    }

    func partlyFillingBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: try await price("1.2"), postOnly: false), quantity: Quantity("1")!)
    }

    func crossingPostOnlyBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: try await quote().ask, postOnly: true), quantity: Quantity("0.01")!)
    }

    func advanceMarket() async throws {
        _ = try await harness.simulator.exchange.advance(bars: 1, clock: harness.clock)
    }

    func loseNextPlaceAnswer(afterArrival: Bool) async throws {
        var fault = Fault(.drop)
        fault.method = "POST"
        fault.path = "/api/v3/brokerage/orders"
        fault.afterArrival = afterArrival
        await harness.simulator.inject(fault)
    }
}
