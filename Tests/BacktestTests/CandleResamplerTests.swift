import Backtest
import Testing
import TraderCore
import TraderTestKit

@Suite struct CandleResamplerTests {
    /// The textbook definition (the counts agree with a Python group-by on the same file): group the bars by epoch-aligned bucket, first open, highest high,
    /// lowest low, last close, summed volume.
    private func grouped(_ candles: [Candle], _ interval: BarInterval) -> [Candle] {
        var result: [Candle] = []
        var group: [Candle] = []
        func flush() {
            guard let first = group.first else { return }
            result.append(
                Candle(
                    time: interval.bucket(of: first.time), open: first.open, high: group.map(\.high).max()!,
                    low: group.map(\.low).min()!, close: group.last!.close,
                    volume: Quantity(group.reduce(FixedPoint.zero) { try! $0.adding($1.volume.value) })))
            group = []
        }
        for candle in candles {
            if let first = group.first, interval.bucket(of: first.time) != interval.bucket(of: candle.time) { flush() }
            group.append(candle)
        }
        flush()
        return result
    }

    @Test func oneMinuteBarsResampleToEveryIntervalAsTheirDefinitionSays() throws {
        let candles = try CandleCSVReader(path: try SharedData.path("data/ftx_btcperp_1m.csv")).readAll()
        let expectedCounts: [BarInterval: Int] = [.fiveMinutes: 9_007, .fifteenMinutes: 3_003, .oneHour: 751, .fourHours: 189, .oneDay: 33]
        for interval in [BarInterval.fiveMinutes, .fifteenMinutes, .oneHour, .fourHours, .oneDay] {
            var resampler = CandleResampler(target: interval)
            var bars = candles.compactMap { resampler.add($0) }
            if let last = resampler.finish() { bars.append(last) }
            #expect(bars == grouped(candles, interval), "\(interval)")
            #expect(bars.count == expectedCounts[interval], "\(interval)")
        }
    }

    @Test func theFirstFiveMinuteBarOfTheBenchmarkFileIsPartial() throws {
        let candles = try CandleCSVReader(path: try SharedData.path("data/ftx_btcperp_1m.csv")).readAll()
        var resampler = CandleResampler(target: .fiveMinutes)
        var completed: Candle?
        for candle in candles where completed == nil { completed = resampler.add(candle) }
        let first = try #require(completed)
        // 23:01 to 23:04: the file starts one minute into the bar.
        #expect(first.time == Timestamp(secondsSinceEpoch: 1_640_991_600))
        #expect(first.open == candles[0].open && first.close == candles[3].close)
    }

    @Test func aTargetThatIsNotAMultipleOfTheSourceIsRefused() {
        #expect(throws: DataError.self) { try CandleResampler.check(source: .fiveMinutes, target: BarInterval(seconds: 420), file: "x.csv") }
        #expect(throws: Never.self) { try CandleResampler.check(source: .oneMinute, target: .fourHours, file: "x.csv") }
    }
}
