import Analytics
import Backtest
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// The peer parity regression (shared/bench/ema-crossover.md): on the FTX 1-minute file, the EMA
/// crossover preset must reproduce the trades and the final equity that backtesting.py, backtrader,
/// vectorbt and a plain loop all agree on.
@Suite struct PeerParityTests {
    @Test func theEMACrossoverPresetMatchesThePeersTradeForTrade() throws {
        let symbol = Symbol(base: "BTC", quote: "USD")
        let engine = try TradingEngine(
            configuration: EMACrossoverPreset.configuration(symbol: symbol, quantity: Quantity("0.01")!),
            portfolio: Portfolio(currency: Currency(code: "USD"), cash: 100_000))
        var runner = BacktestRunner(
            engine: engine, exchange: SimulatedExchange(model: EMACrossoverPreset.fillModel), interval: .oneMinute,
            recorder: OrderCollector())
        let reader = try CandleCSVReader(path: try SharedData.path("data/ftx_btcperp_1m.csv"))
        var firstCandles: [Candle] = []
        while let candle = try reader.next() {
            if firstCandles.count < 50 { firstCandles.append(candle) }
            try runner.replay(candle, of: symbol)
        }
        let result = try runner.finish()
        #expect(result.bars == 45_031)
        #expect(result.fills == 1_666)
        #expect(result.roundTrips == 833)
        #expect(result.rejectedOrders == 0)
        #expect(result.violations.isEmpty)
        #expect(result.finalEquity == FixedPoint("95829.688515")!)
        #expect(result.feesPaid == FixedPoint("4109.648985")!)
        #expect(result.metrics.trades.trades == 833)
        // Every entry and exit approved; nothing suppressed, refused or cut.
        #expect(result.decisions.counts == ["approved.buy": 833, "approved.sell": 833])
        // The first entry: a cross up on bar 34 (0-based), filled at bar 35's open; its exit at
        // bar 39's open.
        let orders = runner.recorder.orders
        #expect(orders.count == 1_666)
        let entry = try #require(orders.first?.fills.first)
        #expect(orders[0].side == .buy && entry.price == firstCandles[35].open && entry.time == firstCandles[35].time)
        #expect(orders[1].side == .sell && orders[1].fills.first?.price == firstCandles[39].open)
        #expect(orders.allSatisfy { $0.status == .filled && $0.history.map(\.to) == [.submitted, .open, .filled] })
    }
}

/// Keeps the settled orders.
struct OrderCollector: BacktestRecorder {
    var orders: [Order] = []
    mutating func record(order: Order, origin: OrderOrigin?) { orders.append(order) }
    mutating func record(roundTrip: RoundTrip) {}
    mutating func record(bar: BarState) {}
}
