import Signals
import Testing
import TraderCore

/// The whale signal's 60-minute bars from the options bot's one-minute bars.
@Suite struct CandleResamplerTests {
    @Test func realSPYMinuteBarsJoinIntoTheHourlyBarsOfTheSameWeekExactly() throws {
        let minutes = try RealCandles.load("us-equities/spy_1m_20131004-20131011.csv")
        let hours = try RealCandles.load("us-equities/spy_1h_19980102-20210331.csv")
        var resampler = CandleResampler(seconds: 3600)
        var joined: [Candle] = []
        for index in minutes.time.indices { joined += resampler.update(minutes.candle(index)) }

        let week = hours.time.indices.filter { (minutes.time.first!...minutes.time.last!).contains(hours.time[$0]) }.map(hours.candle)
        // Six sessions of seven bars, the first of each 09:30-10:00, with the hourly file's times and
        // volumes. (Its prices come from another consolidation than the minute file's and differ by a
        // cent here and there, once by 1.26 on a closing print; they are checked against the
        // minutes below.)
        #expect(joined.count == 42)
        #expect(joined.map(\.time) == week.map(\.time))
        #expect(joined.map(\.volume) == week.map(\.volume))
        // 8 October 2013, 15:00-16:00 New York, from its 60 minute bars (summed independently).
        let lastHour = try #require(joined.first { $0.time == Timestamp(secondsSinceEpoch: 1_381_258_800) })
        #expect(
            [lastHour.open, lastHour.high, lastHour.low, lastHour.close] == ["165.91", "167.51", "165.36", "165.48"].map { Price($0)! })
        #expect(lastHour.volume == Quantity("37217103")!)
    }

    @Test func aBarIsCompleteOnItsLastMinuteAndAGapClosesAPartOne() throws {
        func minute(_ seconds: Int64, _ close: String) -> Candle {
            let price = Price(close)!
            return Candle(time: Timestamp(secondsSinceEpoch: seconds), open: price, high: price, low: price, close: price, volume: Quantity("1")!)
        }
        var resampler = CandleResampler(seconds: 3600)
        #expect(resampler.update(minute(3_540, "1")).isEmpty)  // one bar: no spacing known yet
        #expect(resampler.update(minute(3_600, "2")).map(\.close) == [Price("1")!])  // a new hour closes the last
        #expect(resampler.update(minute(3_660, "3")).isEmpty)
        // A halt: the next bar is two hours on, which closes the part-hour from 01:00.
        let after = resampler.update(minute(10_740, "4"))
        #expect(after.map(\.time) == [Timestamp(secondsSinceEpoch: 3_600), Timestamp(secondsSinceEpoch: 10_740)])
        #expect(after.map(\.close) == [Price("3")!, Price("4")!])
        #expect(after.first?.volume == Quantity("2")!)
    }
}
