import Foundation
import RiskKit
import Testing
import TraderCore

@Suite struct PacingAndCooldownTests {
    typealias S = RiskScenario

    private func scenario(tradesSecondsAgo offsets: [Int64]) -> RiskScenario {
        var scenario = RiskScenario()
        for offset in offsets { scenario.state.recordTrade(at: S.start.advanced(by: .seconds(-offset))) }
        return scenario
    }

    @Test func sixTradesInTheRollingHourRefuseTheSeventh() {
        let evaluation = scenario(tradesSecondsAgo: [3599, 3000, 2000, 1000, 500, 200]).evaluate(buy(S.eth, pct: 1))
        #expect(evaluation.onlyCode == "max_trades_per_hour")
        #expect(evaluation.rejected.first?.finding.limit == 6)
        #expect(evaluation.rejected.first?.finding.value == 6)
    }

    @Test func aTradeExactlyAnHourAgoHasLeftTheWindow() {
        #expect(scenario(tradesSecondsAgo: [3600, 3000, 2000, 1000, 500, 200]).evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func theHourlyStopAppliesToExitsToo() {
        var scenario = scenario(tradesSecondsAgo: [3000, 2500, 2000, 1000, 500, 200])
        scenario.hold("1", of: S.eth)
        #expect(scenario.evaluate(sell(S.eth)).onlyCode == "max_trades_per_hour")
    }

    @Test func aTradeOneSecondInsideTheSpacingIsRefusedAndOneAtItIsApproved() {
        let early = scenario(tradesSecondsAgo: [119]).evaluate(buy(S.eth, pct: 1))
        #expect(early.onlyCode == "global_trade_spacing")
        #expect(early.rejected.first?.finding.limit == 120)
        #expect(early.rejected.first?.finding.value == 119)
        #expect(scenario(tradesSecondsAgo: [120]).evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func exitsAreNotHeldBackBySpacing() {
        var scenario = scenario(tradesSecondsAgo: [10])
        scenario.hold("1", of: S.eth)
        #expect(scenario.evaluate(sell(S.eth)).approved.first?.quantity == Quantity("1"))
    }

    @Test func aSecondEntryInTheSameEvaluationWaitsForTheSpacing() {
        let evaluation = RiskScenario().evaluate([buy(S.eth, pct: 1), buy(S.sol, pct: 1)])
        #expect(evaluation.approved.map(\.proposal.symbol) == [S.eth])
        #expect(evaluation.rejected.map(\.code) == [.globalTradeSpacing])
    }

    @Test func theDailyLimitCountsTradesOfTheCalendarDayOnly() {
        var scenario = RiskScenario()
        scenario.limits.pacing.maxTradesPerHour = 1_000
        // Monday 2026-11-16 15:00 UTC: 30 trades since midnight, one more from Sunday evening.
        scenario.state.recordTrade(at: S.start.advanced(by: .seconds(-16 * 3600)))
        for minute in 0..<30 { scenario.state.recordTrade(at: S.start.advanced(by: .seconds(Int64(-14 * 3600 + minute * 60)))) }
        let evaluation = scenario.evaluate(buy(S.eth, pct: 1))
        #expect(evaluation.onlyCode == "max_trades_per_day")
        #expect(evaluation.rejected.first?.finding.value == 30)
        scenario.advance(seconds: 9 * 3600)  // Tuesday 00:00 UTC: a new day
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func theDailyLimitFollowsTheConfiguredTimeZone() {
        var scenario = RiskScenario()
        scenario.limits.pacing.maxTradesPerHour = 1_000
        scenario.limits.pacing.maxTradesPerDay = 3
        // Trades Monday 15:00-15:02 UTC (10:00 in New York); now Tuesday 03:00 UTC (Monday 22:00 in New York).
        for minute: Int64 in 0..<3 { scenario.state.recordTrade(at: S.start.advanced(by: .seconds(minute * 60))) }
        scenario.advance(seconds: 12 * 3600)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
        scenario.limits.losses.timeZone = TradingCalendar(identifier: "America/New_York")!
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "max_trades_per_day")
    }

    @Test func aDaylightSavingDayLastsTwentyFiveHours() {
        let newYork = TradingCalendar(identifier: "America/New_York")!
        let justAfterMidnight = ISO8601Format.parse("2026-11-01T04:30:00Z")!  // 00:30 EDT, Sunday 1 November
        let twentyFourHoursLater = ISO8601Format.parse("2026-11-02T04:30:00Z")!  // 23:30 EST, still 1 November
        let twentyFiveHoursLater = ISO8601Format.parse("2026-11-02T05:00:00Z")!  // 00:00 EST, 2 November
        #expect(newYork.day(of: justAfterMidnight) == newYork.day(of: twentyFourHoursLater))
        #expect(newYork.day(of: twentyFiveHoursLater) == newYork.day(of: justAfterMidnight) + 1)
        #expect(newYork.week(of: twentyFiveHoursLater) == newYork.week(of: justAfterMidnight) + 1)  // Monday
    }

    @Test func dayIntervalsRunFromLocalMidnightAcrossDaylightSavingChanges() {
        let newYork = TradingCalendar(identifier: "America/New_York")!
        let springForward = newYork.day(of: Timestamp(secondsSinceEpoch: 1_772_946_000))  // Sunday 8 March 2026
        #expect(newYork.interval(ofDay: springForward) == seconds(1_772_946_000)..<seconds(1_773_028_800))  // 23 h
        let fallBack = newYork.day(of: Timestamp(secondsSinceEpoch: 1_793_505_600))  // Sunday 1 November 2026
        #expect(newYork.interval(ofDay: fallBack) == seconds(1_793_505_600)..<seconds(1_793_595_600))  // 25 h
        #expect(newYork.interval(ofWeek: newYork.week(ofDay: fallBack)) == seconds(1_792_987_200)..<seconds(1_793_595_600))
    }

    @Test func aDayWithoutALocalMidnightStartsAtItsFirstLocalSecond() {
        // Santiago moves its clocks from 00:00 to 01:00 on Sunday 6 September 2026.
        let santiago = TradingCalendar(identifier: "America/Santiago")!
        let sunday = santiago.day(of: Timestamp(secondsSinceEpoch: 1_788_700_000))
        #expect(santiago.interval(ofDay: sunday) == seconds(1_788_667_200)..<seconds(1_788_750_000))
        #expect(santiago.day(of: Timestamp(secondsSinceEpoch: 1_788_667_199)) == sunday - 1)
        // Beirut does the same at 00:00 on Sunday 29 March 2026, east of UTC: the offset at local
        // midnight read as UTC is already the new one, so the boundary has to be searched for.
        let beirut = TradingCalendar(identifier: "Asia/Beirut")!
        let beirutSunday = beirut.day(of: Timestamp(secondsSinceEpoch: 1_774_780_000))
        #expect(beirut.interval(ofDay: beirutSunday) == seconds(1_774_735_200)..<seconds(1_774_818_000))
    }

    @Test func fixedOffsetZonesCountDaysFromTheirOwnMidnight() {
        // Etc/GMT+5 is UTC−5 all year: Monday 16 November 2026 runs from 05:00 UTC to 05:00 UTC.
        let minusFive = TradingCalendar(identifier: "Etc/GMT+5")!
        let monday = minusFive.day(of: seconds(1_794_805_200))  // 05:00 UTC
        #expect(minusFive.interval(ofDay: monday) == seconds(1_794_805_200)..<seconds(1_794_891_600))
        #expect(minusFive.day(of: seconds(1_794_805_199)) == monday - 1)
        #expect(minusFive.interval(ofWeek: minusFive.week(ofDay: monday)) == seconds(1_794_805_200)..<seconds(1_795_410_000))
        let utc = TradingCalendar.utc
        #expect(utc.interval(ofDay: utc.day(of: seconds(1_794_841_200))) == seconds(1_794_787_200)..<seconds(1_794_873_600))
        #expect(TradingCalendar(timeZone: TimeZone(secondsFromGMT: 3600)!).day(of: seconds(1_794_783_600)) == utc.day(of: seconds(1_794_787_200)))
    }

    private func seconds(_ value: Int64) -> Timestamp { Timestamp(secondsSinceEpoch: value) }

    @Test func aWinRestsTheSymbolThirtyMinutesToTheSecond() {
        var scenario = RiskScenario()
        scenario.state.recordRoundTrip(symbol: S.eth, realizedPnL: 50, closedAt: S.start, pacing: scenario.limits.pacing)
        scenario.advance(seconds: 1799)
        let resting = scenario.evaluate(buy(S.eth, pct: 1))
        #expect(resting.onlyCode == "symbol_cooldown_active")
        #expect(resting.rejected.first?.finding.value == 1)
        #expect(scenario.evaluate(buy(S.sol, pct: 1)).rejected.isEmpty)
        scenario.advance(seconds: 1)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func aLossRestsTheSymbolTwoHours() {
        var scenario = RiskScenario()
        scenario.state.recordRoundTrip(symbol: S.eth, realizedPnL: -50, closedAt: S.start, pacing: scenario.limits.pacing)
        scenario.advance(seconds: 7199)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "symbol_cooldown_active")
        scenario.advance(seconds: 1)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func pruningForgetsEndedCooldownsAndOldTrades() {
        var state = RiskState()
        state.recordTrade(at: S.start)
        state.recordRoundTrip(symbol: S.eth, realizedPnL: 1, closedAt: S.start, pacing: RiskScenario.standardLimits.pacing)
        state.prune(at: S.start.advanced(by: .seconds(1800)))
        #expect(state.cooldowns.isEmpty)
        #expect(state.tradeTimes == [S.start])
        state.prune(at: S.start.advanced(by: .seconds(8 * 86_400 + 1)))
        #expect(state.tradeTimes.isEmpty)
        #expect(state.realized.isEmpty)
    }
}
