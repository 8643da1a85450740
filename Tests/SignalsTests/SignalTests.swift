import Foundation
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

@Suite struct BreakoutSignalTests {
    private let btc = Symbol(base: "BTC", quote: "USD")

    private func fired<S>(_ signal: inout S, _ update: (inout S, Candle) -> Trigger?, _ bars: RealCandles, from start: Int = 0)
        -> [(Int, Trigger.Action)]
    {
        (start..<bars.close.count).compactMap { index in update(&signal, bars.candle(index)).map { (index, $0.action) } }
    }

    @Test func momentumFiresOnBreakoutsWithEnoughMove() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var signal = MomentumSignal(symbol: btc, lookback: 20, minMovePct: 1.5)
        let actual = fired(&signal, { $0.update($1) }, bars)
        let highest = Textbook.highest(bars.high, 20)
        let lowest = Textbook.lowest(bars.low, 20)
        let expected = bars.close.indices.compactMap { i -> (Int, Trigger.Action)? in
            guard i >= 20, let high = highest[i - 1], let low = lowest[i - 1] else { return nil }
            let move = (bars.close[i] - bars.close[i - 20]) / bars.close[i - 20] * 100
            if bars.close[i] > high, move >= 1.5 { return (i, .buy) }
            if bars.close[i] < low, move <= -1.5 { return (i, .sell) }
            return nil
        }
        #expect(actual.map(\.0) == expected.map(\.0))
        #expect(actual.map(\.1) == expected.map(\.1))
        #expect(actual.count == 1428 && actual.filter { $0.1 == .buy }.count == 832)
        #expect(actual.prefix(3).map(\.0) == [29, 30, 50])
    }

    @Test func scalpOnOneMinuteBarsNeedsAllThreeGates() throws {
        let bars = try RealCandles.load("ftx_btcperp_1m.csv")
        var signal = ScalpSignal(symbol: btc)
        let actual = fired(&signal, { $0.update($1) }, bars)
        #expect(actual.count == 24_917 && actual.filter { $0.1 == .buy }.count == 11_972)
        #expect(actual.first?.0 == ScalpSignal.minimumBars - 1)
        #expect(actual.prefix(3).map(\.1) == [.sell, .sell, .sell])
    }

    @Test func whaleBuysOptionsOnTwentyDayBreaksWithVolume() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var signal = WhaleSignal(symbol: btc, rangeDays: 20, minVolumeRatio: 1.5, debounceDays: 5)
        let actual = fired(&signal, { $0.update($1) }, bars)
        #expect(actual.count == 58)
        #expect(actual.prefix(6).map(\.0) == [832, 985, 1126, 1418, 1767, 2374])
        #expect(actual.prefix(6).map(\.1) == [.buyCall, .buyCall, .buyCall, .buyCall, .buyPut, .buyCall])
    }

    @Test func whaleDebounceSurvivesARestart() throws {
        let bars = try RealCandles.load("coinbase_btcusd_1h.csv")
        var uninterrupted = WhaleSignal(symbol: btc, debounceDays: 5)
        let all = fired(&uninterrupted, { $0.update($1) }, bars)

        var beforeRestart = WhaleSignal(symbol: btc, debounceDays: 5)
        for index in 0...900 { _ = beforeRestart.update(bars.candle(index)) }
        let saved = try JSONEncoder().encode(beforeRestart.state)
        let restoredState = try JSONDecoder().decode(WhaleSignal.State.self, from: saved)
        #expect(restoredState.lastFired == Timestamp(secondsSinceEpoch: bars.time[832]))

        // After a restart the indicators re-warm on the 480 bars before the restart point.
        var restored = WhaleSignal(symbol: btc, debounceDays: 5, state: restoredState)
        let afterRestart = fired(&restored, { $0.update($1) }, bars, from: 420)
        #expect(afterRestart.map(\.0) == all.filter { $0.0 > 900 }.map(\.0))

        // Without the saved state the signal would fire again at bar 904, three days after 832 and
        // inside the five-day debounce that the uninterrupted run respects.
        var forgetful = WhaleSignal(symbol: btc, debounceDays: 5)
        #expect(fired(&forgetful, { $0.update($1) }, bars, from: 420).first?.0 == 904)
        #expect(!all.contains { $0.0 == 904 } && !afterRestart.contains { $0.0 == 904 })
    }
}
