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
        let usd = Currency(code: "USD")
        let engine = try TradingEngine(
            configuration: EMACrossoverPreset.configuration(symbol: symbol, quantity: Quantity("0.01")!),
            portfolio: Portfolio(currency: usd, cash: 100_000))
        var runner = BacktestRunner(
            engine: engine, exchange: SimulatedExchange(model: EMACrossoverPreset.fillModel), interval: .oneMinute)
        let reader = try CandleCSVReader(path: try SharedData.path("data/ftx_btcperp_1m.csv"))
        var firstCandles: [Candle] = []
        while let candle = try reader.next() {
            if firstCandles.count < 50 { firstCandles.append(candle) }
            try runner.replay([symbol: candle])
        }
        let result = try runner.finish()
        #expect(result.bars == 45_031)
        #expect(result.fills.count == 1_666)
        #expect(result.roundTrips == 833)
        #expect(result.rejectedOrders == 0)
        #expect(result.finalEquity == FixedPoint("95829.688515")!)
        #expect(result.feesPaid == FixedPoint("4109.648985")!)
        // The first entry: a cross up on bar 34 (0-based), filled at bar 35's open.
        let first = try #require(result.fills.first)
        #expect(first.side == .buy && first.fill.price == firstCandles[35].open && first.fill.time == firstCandles[35].time)
        #expect(result.fills[1].side == .sell && result.fills[1].fill.price == firstCandles[39].open)
    }
}
