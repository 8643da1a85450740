import RiskKit
import Testing
import TraderCore

@Suite struct LossStopTests {
    typealias S = RiskScenario

    private func scenario(realized: [(hoursFromStart: Int64, amount: FixedPoint)]) -> RiskScenario {
        var scenario = RiskScenario()
        scenario.state.observe(nav: 100_000, at: S.start.advanced(by: .seconds(-15 * 3600)), calendar: .utc)
        for (hours, amount) in realized { scenario.state.recordRealized(amount, at: S.start.advanced(by: .seconds(hours * 3600))) }
        return scenario
    }

    @Test func aDailyLossExactlyAtTheStopMovesToReducing() {
        var scenario = scenario(realized: [(-1, -1_500), (0, -500)])
        scenario.hold("1", of: S.eth)
        let evaluation = scenario.evaluate([buy(S.sol, pct: 1), sell(S.eth)])
        #expect(evaluation.tradingState == .reducing)
        #expect(evaluation.stops.map(\.code) == [.dailyLossLimit])
        #expect(evaluation.stops.first?.limit == 2_000)
        #expect(evaluation.stops.first?.value == 2_000)
        #expect(evaluation.rejected.map(\.code) == [.dailyLossLimit])
        #expect(evaluation.approved.map(\.proposal.side) == [.sell])
    }

    @Test func aDailyLossOneUnitShortOfTheStopTrades() {
        let evaluation = scenario(realized: [(0, FixedPoint("-1999.99999999")!)]).evaluate(buy(S.sol, pct: 1))
        #expect(evaluation.tradingState == .active)
        #expect(evaluation.approved.count == 1)
    }

    @Test func theDailyStopSumsExactlyTodaysEntriesOfALongLedger() {
        // Hourly entries over the last 150 hours: 135 before today at -1,000 each, then 16 today
        // (from its first second, 15 hours back) at -125: exactly the 2,000 stop.
        let earlier = (-150 ... -16).map { (hoursFromStart: Int64($0), amount: FixedPoint(-1_000)) }
        let today = (-15 ... 0).map { (hoursFromStart: Int64($0), amount: FixedPoint(-125)) }
        let atTheStop = scenario(realized: earlier + today).evaluate(buy(S.sol, pct: 1))
        #expect(atTheStop.stops.map(\.code) == [.dailyLossLimit])
        #expect(atTheStop.stops.first?.value == 2_000)
        let oneUnitShort = scenario(realized: earlier + today.dropLast() + [(0, FixedPoint("-124.99999999")!)])
        #expect(oneUnitShort.evaluate(buy(S.sol, pct: 1)).tradingState == .active)
    }

    @Test func aDailyStopReachedHoldsForTheRestOfTheDayAfterAProfit() {
        // Down 2,100 by 10 hours back, then up 1,500: today nets −600, but the stop was reached.
        let evaluation = scenario(realized: [(-12, -1_000), (-10, -1_100), (-2, 1_500)]).evaluate(buy(S.sol, pct: 1))
        #expect(evaluation.stops.map(\.code) == [.dailyLossLimit])
        #expect(evaluation.stops.first?.value == 2_100)
        // A profit first and the same losses after never reach the stop: 1,500 − 2,100 = −600.
        let profitFirst = scenario(realized: [(-12, 1_500), (-10, -1_000), (-2, -1_100)]).evaluate(buy(S.sol, pct: 1))
        #expect(profitFirst.tradingState == .active)
    }

    @Test func yesterdaysLossesDoNotCountToday() {
        let evaluation = scenario(realized: [(-16, -1_999), (0, -1_999)]).evaluate(buy(S.sol, pct: 1))
        #expect(evaluation.tradingState == .active)
    }

    @Test func theWeeklyStopSumsMondayToSunday() {
        // Sunday's loss belongs to last week; Monday to Thursday sum to 5,000, 5 % of 100,000.
        var scenario = scenario(realized: [(-16, -3_000), (0, -1_999), (24, -1_999), (48, -1_002)])
        scenario.advance(seconds: 49 * 3600)  // Wednesday 16:00
        let evaluation = scenario.evaluate(buy(S.sol, pct: 1))
        #expect(evaluation.stops.map(\.code) == [.weeklyLossLimit])
        #expect(evaluation.stops.first?.value == 5_000)
        scenario.advance(seconds: 5 * 86_400)  // next Monday: a new week
        #expect(scenario.evaluate(buy(S.sol, pct: 1)).tradingState == .active)
    }

    @Test func aDrawdownExactlyAtTheLimitHaltsEverything() {
        var scenario = RiskScenario()
        scenario.hold("1", of: S.eth)
        scenario.state.observe(nav: FixedPoint("113636.36363636")!, at: S.start, calendar: .utc)
        scenario.state.observe(nav: 100_000, at: S.start, calendar: .utc)
        let evaluation = scenario.evaluate([buy(S.sol, pct: 1), sell(S.eth)])
        #expect(evaluation.tradingState == .halted)
        #expect(evaluation.stops.map(\.code) == [.maxDrawdown])
        #expect(evaluation.stops.first?.limit == FixedPoint("13636.36363636"))
        #expect(evaluation.stops.first?.value == FixedPoint("13636.36363636"))
        #expect(evaluation.rejected.map(\.code) == [.maxDrawdown, .maxDrawdown])
    }

    @Test func aDrawdownJustUnderTheLimitTrades() {
        var scenario = RiskScenario()
        scenario.state.observe(nav: FixedPoint("113636.36363635")!, at: S.start, calendar: .utc)
        #expect(scenario.evaluate(buy(S.sol, pct: 1)).tradingState == .active)
    }

    @Test func theDayAnchorIsTheFirstNAVSeenThatDay() {
        var state = RiskState()
        state.observe(nav: 100_000, at: S.start, calendar: .utc)
        state.observe(nav: 90_000, at: S.start.advanced(by: .seconds(60)), calendar: .utc)
        #expect(state.dayAnchor?.nav == 100_000)
        state.observe(nav: 95_000, at: S.start.advanced(by: .seconds(9 * 3600)), calendar: .utc)
        #expect(state.dayAnchor?.nav == 95_000)
        #expect(state.weekAnchor?.nav == 100_000)
        #expect(state.peakNAV == 100_000)
    }
}
