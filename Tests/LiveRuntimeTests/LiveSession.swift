import Backtest
import Foundation
import LiveRuntime
import Persistence
import TradingEngine
import TraderCore
import TraderTestKit

/// A paper venue replaying real Coinbase BTC-USD hours, a state store in a temporary folder and
/// the EMA-crossover engine, run hour by hour through ``LiveCycle``.
struct LiveSession {
    static let btc = Symbol(base: "BTC", quote: "USD")
    static let configuration = EMACrossoverPreset.configuration(symbol: btc, quantity: Quantity("0.01")!)

    let venue: PaperVenue
    let clock: ManualClock
    let store: StateStore
    let folder: String
    var engine: TradingEngine
    let cycle: LiveCycle
    var reports: [LiveCycleReport] = []

    init(mode: TradingMode) throws {
        folder = NSTemporaryDirectory() + "trader-live-cycle-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try StateStore(path: folder + "/state.sqlite")
        let configuration = Self.configuration
        clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
        let feed = try HistoricalFeed(sources: [.init(symbol: LiveSession.btc, path: SharedData.path("data/coinbase_btcusd_1h.csv"))])
        venue = try PaperVenue(
            feed: feed, products: Array(configuration.products.values), fillModel: EMACrossoverPreset.fillModel,
            balances: [.usd: FixedPoint(100_000)], clock: clock)
        engine = try TradingEngine(configuration: configuration, portfolio: Portfolio(currency: .usd, cash: 100_000), runEpoch: 3)
        cycle = LiveCycle(
            configuration: .init(symbols: [LiveSession.btc], barInterval: .seconds(3_600), mode: mode, configHash: "test"),
            venue: VenueConnection(venue), store: store)
    }

    /// Runs `hours` cycles, one at each bar's close.
    mutating func run(_ hours: Int) async throws {
        for _ in 0..<hours {
            guard let close = try await nextHour() else { return }
            reports.append(try await cycle.run(&engine, at: close))
        }
    }

    /// Lets the next bar close at the venue; its close, `nil` when the history is over.
    func nextHour() async throws -> Timestamp? {
        guard let close = await venue.nextBarClose else { return nil }
        clock.set(to: close)
        try await venue.advance(to: close)
        return close
    }

    /// The venue's BTC and USD, available and held, as raw fixed-point units.
    func venueHoldings() async throws -> (btc: Int64, usd: Int64) {
        let balances = try await venue.balances()
        func total(_ code: String) -> Int64 {
            balances.first { $0.currency == Currency(code: code) }.map { $0.available.raw + $0.hold.raw } ?? 0
        }
        return (total("BTC"), total("USD"))
    }

    /// The engine's BTC and USD as raw fixed-point units.
    var engineHoldings: (btc: Int64, usd: Int64) {
        (engine.portfolio.positions[Self.btc]?.quantity.value.raw ?? 0, engine.portfolio.cash.raw)
    }

    var sent: [ClientOrderID] { reports.flatMap(\.sent) }

    func remove() { try? FileManager.default.removeItem(atPath: folder) }
}

