import Backtest
import Foundation
import TradingEngine
import TraderCore
import TraderTestKit

/// The EMA-crossover engine trading 0.01 BTC on the paper venue over real Coinbase BTC-USD hours,
/// as a live shell runs it, for the reconciliation tests: each cycle books what the venue reports
/// of the working orders (unless told to miss it), steps, and sends.
struct PaperSession {
    static let btc = Symbol(base: "BTC", quote: "USD")

    let venue: PaperVenue
    let clock: ManualClock
    var engine: TradingEngine
    /// Every order sent.
    var sent: [Order] = []

    init() throws {
        let configuration = EMACrossoverPreset.configuration(symbol: Self.btc, quantity: Quantity("0.01")!)
        clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
        let feed = try HistoricalFeed(sources: [.init(symbol: Self.btc, path: SharedData.path("data/coinbase_btcusd_1h.csv"))])
        venue = try PaperVenue(
            feed: feed, products: Array(configuration.products.values), fillModel: EMACrossoverPreset.fillModel,
            balances: [.usd: FixedPoint(100_000)], clock: clock)
        engine = try TradingEngine(configuration: configuration, portfolio: Portfolio(currency: .usd, cash: 100_000), runEpoch: 7)
    }

    /// Runs `cycles` hours; in a cycle where `missing` says so, nothing the venue reports is booked,
    /// and where `sending` says not, the orders decided are committed but not sent. A placement
    /// whose answer is lost leaves its order's outcome unknown.
    mutating func run(_ cycles: Int, missing: (Int) -> Bool = { _ in false }, sending: (Int) -> Bool = { _ in true }) async throws {
        for number in 0..<cycles {
            guard let close = await venue.nextBarClose else { return }
            clock.set(to: close)
            try await venue.advance(to: close)
            if !missing(number) {
                for id in engine.portfolio.workingOrders.keys.sorted() {
                    guard let report = try await venue.order(OrderReference(id)) else { continue }
                    if try engine.apply(VenueEvent(status: report, at: close)).status.isTerminal { _ = engine.removeSettledOrder(id) }
                }
            }
            let quotes = try await venue.quotes(for: [Self.btc])
            let bar = try await venue.candles(for: Self.btc, interval: .seconds(3_600), in: close.advanced(bySeconds: -3_600)..<close)
            let outcome = engine.step(MarketSnapshot(time: close, candles: bar.last.map { [Self.btc: $0] } ?? [:], quotes: quotes))
            for case .place(let order, _) in outcome.intents where sending(number) {
                try engine.apply(.submit, to: order.clientOrderID, at: close)
                sent.append(order)
                do {
                    if case .accepted(let id) = try await venue.place(order) {
                        try engine.apply(VenueEvent(clientOrderID: order.clientOrderID, change: .accepted(id), time: close))
                    }
                } catch let error as VenueError where error.isAmbiguous {
                    try engine.apply(.submitOutcomeUnknown(reason: error.message), to: order.clientOrderID, at: close)
                }
            }
        }
    }

    /// What the venue says now, with a lookup of every order the engine asks about.
    func snapshot(fillsSince since: Timestamp = Timestamp(secondsSinceEpoch: 0)) async throws -> VenueSnapshot {
        let open = try await venue.openOrders()
        var lookups: [ClientOrderID: VenueOrderReport?] = [:]
        for reference in engine.ordersToLookUp(openAtVenue: open) { lookups[reference.clientOrderID] = try await venue.order(reference) }
        return VenueSnapshot(
            time: clock.now(), balances: try await venue.balances(), openOrders: open, fills: try await venue.fills(since: since),
            lookups: lookups)
    }

    /// The venue's BTC and USD, available and held, as raw fixed-point units.
    func venueHoldings() async throws -> (btc: Int64, usd: Int64) {
        let snapshot = try await snapshot()
        return (snapshot.total(of: Currency(code: "BTC")).raw, snapshot.total(of: .usd).raw)
    }

    /// The engine's BTC and USD as raw fixed-point units.
    var engineHoldings: (btc: Int64, usd: Int64) {
        (engine.portfolio.positions[Self.btc]?.quantity.value.raw ?? 0, engine.portfolio.cash.raw)
    }
}
