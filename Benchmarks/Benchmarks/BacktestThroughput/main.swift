// The issue-5 throughput figure: the EMA crossover preset through the whole engine (signals,
// rules, risk, execution planning, simulated fills, accounting) on ftx_btcperp_1m.csv tiled to
// about 1 M bars (timestamps shifted so they keep increasing; each tile boundary then has one price
// jump, as in the peers' measurement). Reading the file is not timed; bars come from memory.
// With `--flat`, every bar is the first bar's close (no signal ever fires): the cost of a quiet
// cycle alone, which a profile of the full run cannot separate from the cost of trading.
//   swift run -c release BacktestThroughput [TILES] [PATH] [--flat]
#if canImport(Glibc)
import Glibc
#endif
import Backtest
import TradingEngine
import TraderCore

let flat = CommandLine.arguments.contains("--flat")
let arguments = CommandLine.arguments.filter { $0 != "--flat" }
let tiles = arguments.count > 1 ? Int(arguments[1])! : 23
let path = arguments.count > 2 ? arguments[2] : "../../shared/data/ftx_btcperp_1m.csv"
let recorded = try CandleCSVReader(path: path).readAll()
let level = recorded[0].close
let candles =
    flat
    ? recorded.map { Candle(time: $0.time, open: level, high: level, low: level, close: level, volume: $0.volume) } : recorded
let span = candles.last!.time.secondsSinceEpoch - candles.first!.time.secondsSinceEpoch + 60
let symbol = Symbol(base: "BTC", quote: "USD")
let engine = try TradingEngine(
    configuration: EMACrossoverPreset.configuration(symbol: symbol, quantity: Quantity("0.01")!),
    portfolio: Portfolio(currency: Currency(code: "USD"), cash: 100_000))
var runner = BacktestRunner(engine: engine, exchange: SimulatedExchange(model: EMACrossoverPreset.fillModel), interval: .oneMinute)

/// Replays the tiles through `runner`; returns the seconds it took. In a function, so the runner
/// is a local rather than a global (whose every access is checked for exclusivity).
func replayTiles(through runner: inout BacktestRunner<DiscardingRecorder>) throws -> Double {
    var clock = timespec()
    clock_gettime(CLOCK_MONOTONIC, &clock)
    let start = Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
    for tile in 0..<Int64(tiles) {
        let shift = span * tile
        for candle in candles {
            let shifted = Candle(
                time: candle.time.advanced(bySeconds: shift), open: candle.open, high: candle.high, low: candle.low,
                close: candle.close, volume: candle.volume)
            try runner.replay(shifted, of: symbol)
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &clock)
    return Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9 - start
}

let seconds = try replayTiles(through: &runner)
let result = try runner.finish()
var usage = rusage()
getrusage(RUSAGE_SELF.rawValue, &usage)
print("bars: \(result.bars)  round trips: \(result.roundTrips)  final equity: \(result.finalEquity)")
print("time: \(String(format: "%.3f", seconds)) s  bars/s: \(Int(Double(result.bars) / seconds))  peak RSS: \(usage.ru_maxrss / 1024) MiB")
