import Signals
import Testing
import TraderCore

@Suite struct EMACrossSignalTests {
    /// Crosses on the FTX 1-minute file, as shared/bench/ema-crossover.md defines them, computed by
    /// an independent Python loop: 833 up and 833 down, the first up on bar 34 and down on bar 38,
    /// the last ones on bars 45,017 and 45,027 (0-based).
    @Test func crossesOnRealMinuteBarsAreExactlyTheSpecifications() throws {
        let candles = try RealCandles.load("ftx_btcperp_1m.csv")
        var signal = EMACrossSignal(symbol: Symbol(base: "BTC", quote: "USD"), fastPeriod: 12, slowPeriod: 26)
        var ups: [Int] = []
        var downs: [Int] = []
        for index in 0..<candles.time.count {
            guard let trigger = signal.update(candles.candle(index)) else { continue }
            if index == candles.time.count - 1 { continue }  // the specification stops at bar N-2
            if trigger.action == .buy { ups.append(index) } else { downs.append(index) }
        }
        #expect(ups.count == 833 && downs.count == 833)
        #expect(ups.prefix(3) == [34, 41, 43] && downs.prefix(3) == [38, 42, 48])
        #expect(ups.last == 45_017 && downs.last == 45_027)
    }
}
