import Backtest
import CostModel
import Testing
import TraderCore
import TraderTestKit

/// ``PaperVenue`` replaying real Coinbase BTC-USD hourly bars (shared data) on a manual clock: it
/// passes every check of the venue conformance suite that the adapters will pass over their
/// simulators.
@Suite struct PaperVenueConformanceTests {
    @Test(.timeLimit(.minutes(1)), arguments: VenueConformance.Check.allCases)
    func paperVenuePasses(_ check: VenueConformance.Check) async throws {
        try await VenueConformance.verify(check, on: PaperVenueUnderTest.make())
    }
}

/// A paper venue on the first bars of `coinbase_btcusd_1h.csv` (prices about 2,500 USD, about 100
/// BTC a bar), filling at most 0.1 % of a bar's volume, with 100,000 USD; two bars have closed.
struct PaperVenueUnderTest: VenueUnderTest {
    static let btc = Symbol(base: "BTC", quote: "USD")
    static let rules = ProductRules(
        symbol: btc, baseIncrement: Quantity("0.00000001")!, priceIncrement: Price("0.01")!, minSize: Quantity("0.0001")!,
        maxSize: Quantity("1000")!, minNotional: FixedPoint(1), status: .online)
    static let fillModel = FillModel(fees: FeeRates(makerBps: 40, takerBps: 60), participationRate: FixedPoint("0.001")!)

    let venue: PaperVenue
    let clock: ManualClock
    var symbol: Symbol { Self.btc }

    static func make() async throws -> PaperVenueUnderTest {
        let feed = try HistoricalFeed(sources: [.init(symbol: btc, path: SharedData.path("data/coinbase_btcusd_1h.csv"))])
        let clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
        let venue = try PaperVenue(
            feed: feed, products: [rules], fillModel: fillModel, balances: [.usd: FixedPoint(100_000)], clock: clock)
        let subject = PaperVenueUnderTest(venue: venue, clock: clock)
        try await subject.advanceMarket()
        try await subject.advanceMarket()
        return subject
    }

    private func quote() async throws -> Quote {
        guard let quote = try await venue.quotes(for: [symbol])[symbol] else { throw HarnessProblem.noQuote }
        return quote
    }

    func restingBuy(_ id: ClientOrderID) async throws -> Order {
        let half = try await quote().bid.value.multiplied(by: FixedPoint("0.5")!, rounding: .down)
        let price = try Price(half).rounded(toTick: Self.rules.priceIncrement, .down)
        return Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: price, postOnly: true), quantity: Quantity("0.01")!)
    }

    func fillingBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .market, quantity: Quantity("0.01")!)
    }

    func partlyFillingBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .market, quantity: Quantity("1")!)
    }

    func crossingPostOnlyBuy(_ id: ClientOrderID) async throws -> Order {
        Order(clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: try await quote().ask, postOnly: true), quantity: Quantity("0.01")!)
    }

    func advanceMarket() async throws {
        guard let close = await venue.nextBarClose else { throw HarnessProblem.historyOver }
        clock.set(to: close)
        try await venue.advance(to: close)
    }

    func loseNextPlaceAnswer(afterArrival: Bool) async throws {
        await venue.loseNextPlaceAnswer(afterArrival: afterArrival)
    }

    enum HarnessProblem: Error { case noQuote, historyOver }
}
