import Signals
import Testing
import TraderCore

/// Each signal over all 20,111 real Coinbase BTC-USD hourly candles with the shipped config's
/// parameters. The full list of (bar, action) must equal what the signal's definition gives when
/// computed plainly in the test; the counts and first triggers are pinned from an independent
/// Python computation over the same file.
@Suite struct SignalTests {
    private let btc = Symbol(base: "BTC", quote: "USD")

    private func fired(_ update: (Candle) -> Trigger?, _ bars: RealCandles) -> [(Int, Trigger.Action)] {
        bars.close.indices.compactMap { index in update(bars.candle(index)).map { (index, $0.action) } }
    }

    private func expectSame(_ actual: [(Int, Trigger.Action)], _ expected: [(Int, Trigger.Action)]) {
        #expect(actual.count == expected.count)
        #expect(actual.map(\.0) == expected.map(\.0))
        #expect(actual.map(\.1) == expected.map(\.1))
    }

    @Test func meanReversionFadesExtremeZScores() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var signal = MeanReversionSignal(symbol: btc, lookback: 50, entryZScore: 2.5)
        let actual = fired({ signal.update($0) }, bars)
        let mean = Textbook.sma(bars.close, 50)
        let deviation = Textbook.populationDeviation(bars.close, 50)
        let expected = bars.close.indices.compactMap { i -> (Int, Trigger.Action)? in
            guard let m = mean[i], let sd = deviation[i], sd > 0 else { return nil }
            let z = (bars.close[i] - m) / sd
            return abs(z) >= 2.5 ? (i, z < 0 ? .buy : .sell) : nil
        }
        expectSame(actual, expected)
        #expect(actual.count == 1282 && actual.filter { $0.1 == .buy }.count == 641)
        #expect(actual.prefix(3).map(\.0) == [50, 145, 146])
    }

    @Test func priceMoveNeedsTheMoveAndConfirmingVolume() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var signal = PriceMoveSignal(symbol: btc, window: 12, minMovePct: 2, minVolumeRatio: 1.5)
        let actual = fired({ signal.update($0) }, bars)
        let average = Textbook.sma(bars.volume, 12)
        let expected = bars.close.indices.compactMap { i -> (Int, Trigger.Action)? in
            guard i >= 12, let avg = average[i - 1], avg > 0 else { return nil }
            let move = (bars.close[i] - bars.close[i - 12]) / bars.close[i - 12] * 100
            return abs(move) >= 2 && bars.volume[i] / avg >= 1.5 ? (i, move > 0 ? .buy : .sell) : nil
        }
        expectSame(actual, expected)
        #expect(actual.count == 1739 && actual.filter { $0.1 == .buy }.count == 862)
        #expect(actual.prefix(3).map(\.0) == [28, 29, 30])
    }

    @Test func volumeSpikeFollowsTheBarsDirection() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var signal = VolumeSpikeSignal(symbol: btc, lookback: 48, minVolumeRatio: 3)
        let actual = fired({ signal.update($0) }, bars)
        #expect(actual.count == 791 && actual.filter { $0.1 == .buy }.count == 378)
        #expect(actual.prefix(3).map(\.0) == [64, 217, 219])
        #expect(actual.prefix(3).map(\.1) == [.buy, .sell, .sell])
    }

    @Test func triggersExplainThemselves() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var signal = MeanReversionSignal(symbol: btc, lookback: 50, entryZScore: 2.5)
        var firstTrigger: Trigger?
        for index in bars.close.indices where firstTrigger == nil { firstTrigger = signal.update(bars.candle(index)) }
        let first = try #require(firstTrigger)
        #expect(first.signal == "mean_reversion")
        #expect(first.action == .sell)
        #expect(first.time == Timestamp(secondsSinceEpoch: bars.time[50]))
        #expect(first.reasons.count == 1)
        #expect(first.reasons[0].hasPrefix("close \(bars.candle(50).close) is 2."))
        #expect(first.reasons[0].hasSuffix("standard deviations from its mean (threshold ±2.5)"))
    }
}
