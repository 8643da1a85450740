import Foundation
import RiskKit
import Testing
import TradingEngine
import TraderCore

/// The options bot on the shared engine: a bullish trigger buys the weekly call at the money,
/// sized by the premium at risk, and the engine's emulated bracket, the expiry and the loss guard
/// manage it from there.
@Suite struct OptionsEngineTests {
    @Test func aBullishCrossBuysTheWeeklyCallAtTheMoneySizedByThePremiumAtRisk() throws {
        var harness = try OptionsHarness()
        let (order, outcome) = try harness.stepUntilAnOrder()

        // 1 % of 100,000 risked with the stop at half of 2.10 × 100: floor(1,000 / 105) = 9.
        #expect(order.instrument == .option(OptionsHarness.call))
        #expect(order.side == .buy)
        #expect(order.kind == .limit(price: Price("2.10")!, postOnly: false))
        #expect(order.quantity == Quantity("9")!)
        #expect(order.clientOrderID == ClientOrderID("opt-SPY-USD-BUY-1"))
        let approved = try #require(outcome.risk?.approved.first)
        #expect(approved.notional == FixedPoint(1_890))
        #expect(approved.contract == OptionsHarness.call)
        #expect(outcome.proposals.first?.option == .call)
    }

    @Test func aFilledCallMovesCashByPremiumTimesMultiplierAndIsValuedAtItsMark() throws {
        var harness = try OptionsHarness()
        _ = try harness.holdCall()

        let portfolio = harness.engine.portfolio
        #expect(portfolio.cash == FixedPoint(98_110))
        let position = try #require(portfolio.optionPositions[OptionsHarness.call])
        #expect(position.quantity == Quantity("9")!)
        #expect(position.costBasis == FixedPoint(1_890))
        #expect(position.averageCost == Price("2.10")!)
        // Marked at the quote's mid, 2.05: 98,110 + 9 × 2.05 × 100.
        #expect(try portfolio.nav(marks: harness.engine.latestMarks) == FixedPoint(99_955))
        let exposure = try portfolio.exposure(marks: harness.engine.latestMarks) { _ in nil }
        #expect(exposure.total == FixedPoint(1_845))
        #expect(harness.engine.brackets == [OptionBracket(contract: OptionsHarness.call, takeProfitPct: 100, stopLossPct: 50)])
    }

    @Test func theTakeProfitGoesOutOnceWhenTheMidReachesDoubleThePremiumAndSurvivesARestart() throws {
        var harness = try OptionsHarness()
        _ = try harness.holdCall()
        harness.quoteCall(bid: "4.20", ask: "4.30")
        let outcome = harness.step()

        #expect(outcome.optionExits.map(\.exit) == [.takeProfit])
        #expect(outcome.optionExits.first?.level == Price("4.20")!)
        let exits = outcome.intents.compactMap { intent -> Order? in if case .place(let order, _) = intent { order } else { nil } }
        #expect(exits.map(\.kind) == [.limit(price: Price("4.20")!, postOnly: false)])
        #expect(exits.map(\.side) == [.sell])
        #expect(exits.map(\.quantity) == [Quantity("9")!])
        let exit = try #require(exits.first)
        try harness.engine.apply(.submit, to: exit.clientOrderID, at: harness.now)

        // Saved and restored as a live node does: the exit is remembered and not sent again.
        let saved = try JSONDecoder().decode(EngineState.self, from: Data(try harness.engine.state.encodedJSON()))
        harness.engine = try TradingEngine(configuration: harness.engine.configuration, restoring: saved)
        #expect(harness.engine.brackets.first?.exitOrder == exit.clientOrderID)
        #expect(harness.engine.portfolio.optionPositions[OptionsHarness.call]?.quantity == Quantity("9")!)
        let again = harness.step()
        #expect(again.intents.isEmpty)
        #expect(again.optionExits.isEmpty)
    }

    @Test func theStopSendsAMarketCloseWhenTheMidFallsToHalfThePremium() throws {
        var harness = try OptionsHarness()
        _ = try harness.holdCall()
        harness.quoteCall(bid: "1.10", ask: "1.15")
        #expect(harness.step().optionExits.isEmpty)  // mid 1.125: above the stop at 1.05
        harness.quoteCall(bid: "1.00", ask: "1.10")
        let outcome = harness.step()

        #expect(outcome.optionExits.map(\.exit) == [.stopLoss])
        #expect(outcome.optionExits.first?.level == Price("1.05")!)
        guard case .place(let order, let proposal) = try #require(outcome.intents.first) else {
            Issue.record("no exit placed")
            return
        }
        #expect(order.kind == .market)
        #expect(order.quantity == Quantity("9")!)
        #expect(proposal.signal == "stop_loss")
    }

    @Test func aRestingTakeProfitIsCancelledWhenTheStopIsCrossedAndTheStopFollowsTheCancel() throws {
        var harness = try OptionsHarness()
        _ = try harness.holdCall()
        let takeProfit = try harness.restTakeProfit()

        harness.quoteCall(bid: "0.95", ask: "1.05")
        let crossed = harness.step()
        #expect(OptionsHarness.summary(crossed) == ["cancel \(takeProfit.clientOrderID) oco_stop_loss"])
        try harness.engine.apply(.cancel, to: takeProfit.clientOrderID, at: harness.now)
        _ = harness.engine.removeSettledOrder(takeProfit.clientOrderID)

        let stop = harness.step()
        #expect(stop.optionExits.map(\.exit) == [.stopLoss])
        #expect(OptionsHarness.summary(stop) == ["place opt-SPY-USD-SELL-3 SELL 9 market"])
    }

    @Test func anExpiredCallIsClosedAtItsIntrinsicValueAtTheExpiryDaysClose() throws {
        var harness = try OptionsHarness()
        _ = try harness.holdCall()
        // Friday 5 March 2021: 15:59 New York is still the session; 16:00 (21:00 UTC) ends it.
        harness.jump(to: Timestamp(secondsSinceEpoch: 1_614_977_940))
        #expect(harness.step(underlying: "412.50").expirations.isEmpty)
        let outcome = harness.step(underlying: "412.50")

        // SPY's mark is the mid 412.505: the 410 call is worth 2.505 a share, 2,254.50 for 9.
        let expiration = try #require(outcome.expirations.first)
        #expect(expiration.intrinsicValue == Price("2.505")!)
        #expect(expiration.quantity == Quantity("9")!)
        #expect(expiration.realized == FixedPoint("364.5")!)
        #expect(harness.engine.portfolio.cash == FixedPoint("100364.5")!)
        #expect(harness.engine.portfolio.optionPositions.isEmpty)
        #expect(harness.engine.portfolio.optionMarks.isEmpty)
        #expect(harness.engine.brackets.isEmpty)
    }

    @Test func anExpiredPutOutOfTheMoneyExpiresWorthless() throws {
        // A put bought before this run (2 at 1.10, 1.30 in fees), as a restored portfolio holds it.
        let put = OptionContract(underlying: OptionsHarness.spy, expiry: "20210305", strike: Price("405")!, right: .put)
        var portfolio = Portfolio(currency: .usd, cash: 100_000)
        let bought = Fill(
            tradeID: TradeID("put"), price: Price("1.10")!, quantity: Quantity("2")!, fee: Money(FixedPoint("1.30")!, .usd), liquidity: .taker,
            time: OptionsHarness.open)
        try portfolio.book(bought, instrument: .option(put), side: .buy)
        portfolio.markOption(put, at: Price("1.05")!)
        var harness = try OptionsHarness(portfolio: portfolio)
        #expect(harness.step().intents.isEmpty)
        #expect(harness.engine.brackets.map(\.contract) == [put])  // adopted, and protected
        harness.jump(to: Timestamp(secondsSinceEpoch: 1_614_978_000))
        let outcome = harness.step(underlying: "412.50")

        #expect(outcome.expirations.map(\.intrinsicValue) == [Price("0")!])
        // 2 × 1.10 × 100 paid and 1.30 in fees, all lost.
        #expect(outcome.expirations.map(\.realized) == [FixedPoint(-220)])
        #expect(harness.engine.portfolio.cash == FixedPoint("99778.7")!)
    }

    @Test func noOptionIsBoughtOutsideTheRegularSessionOrOnAnExchangeHoliday() throws {
        // 17:00 New York on a Tuesday, then Good Friday 2 April 2021 at 11:00.
        for start in [Timestamp(secondsSinceEpoch: 1_614_722_400), Timestamp(secondsSinceEpoch: 1_617_375_600)] {
            var harness = try OptionsHarness()
            harness.jump(to: start)
            var outcomes: [CycleOutcome] = []
            for _ in 0..<5 { outcomes.append(harness.step()) }
            let rejections = outcomes.flatMap { $0.risk?.rejected ?? [] }
            let rejection = try #require(rejections.first)
            #expect(rejection.code == .outsideTradingHours)
            #expect(outcomes.allSatisfy { $0.intents.isEmpty })
        }
    }

    @Test func oneContractAboveTheRoomUnderTheCapsIsRefused() throws {
        var harness = try OptionsHarness { $0.risk.exposure.maxAssetPct = FixedPoint("0.2")! }
        var outcomes: [CycleOutcome] = []
        for _ in 0..<5 { outcomes.append(harness.step()) }

        // 0.2 % of 100,000 leaves 200 under the SPY cap, below one contract at 210.
        let rejections = outcomes.flatMap { $0.risk?.rejected ?? [] }
            let rejection = try #require(rejections.first)
        #expect(rejection.code == .optionContractExceedsCap)
        #expect(outcomes.allSatisfy { $0.intents.isEmpty })
    }

    @Test func theCapsCutTheContractsToTheRoomTheyLeave() throws {
        var harness = try OptionsHarness { $0.risk.exposure.maxAssetPct = 1 }
        let (order, outcome) = try harness.stepUntilAnOrder()

        // 1 % of 100,000 is 1,000 under the SPY cap: 4 contracts at 210.
        #expect(order.quantity == Quantity("4")!)
        #expect(outcome.risk?.approved.first?.adjustments.map(\.code) == [.assetExposureCap])
    }

    @Test func aDayThatLostTheDailyLimitInNewYorkBuysNothingMoreUntilTheNextDay() throws {
        var harness = try OptionsHarness {
            $0.risk.losses = LossLimits(
                maxDailyLossPct: 1, maxWeeklyLossPct: 5, maxDrawdownPct: 20, timeZone: TradingCalendar(identifier: "America/New_York")!)
        }
        _ = try harness.holdCall()
        harness.quoteCall(bid: "1.00", ask: "1.10")
        guard case .place(let stop, _) = try #require(harness.step().intents.first) else { return }
        try harness.fillWhole(stop, at: "0.90", tradeID: "stop")  // 9 × (0.90 − 2.10) × 100 = −1,080: 1.08 % of NAV

        // The bearish cross proposes a put; the day's loss refuses it.
        harness.quoteCall(bid: "2.00", ask: "2.10")
        var refused: [RiskRejection] = []
        for _ in 0..<3 { refused += harness.step(underlying: "400").risk?.rejected ?? [] }
        #expect(refused.map(\.code) == [.dailyLossLimit])
        #expect(refused.first?.proposal.option == .put)

        // The next morning in New York, the bullish cross buys the call again.
        harness.jump(to: Timestamp(secondsSinceEpoch: 1_614_781_800))
        let (order, _) = try harness.stepUntilAnOrder()
        #expect(order.instrument == .option(OptionsHarness.call))
    }
}

extension OptionsEngineTests {
    @Test func aSecondTriggerOnAnUnderlyingWhoseOptionIsHeldIsRefused() throws {
        var harness = try OptionsHarness()
        _ = try harness.holdCall()
        // Down to 400 (a bearish cross: a put) and back to 410 (a bullish one: the call again).
        var refused: [RiskRejection] = []
        for close in ["400", "400", "400", "410"] { refused += harness.step(underlying: close).risk?.rejected ?? [] }

        #expect(refused.map(\.code) == [.optionPositionOpen, .optionPositionOpen])
        #expect(refused.map(\.proposal.option) == [.put, .call])
    }
}

extension OptionsEngineTests {
    @Test func aStopCrossedAfterTheCloseGoesOutAtTheNextSessionNotBefore() throws {
        var harness = try OptionsHarness()
        _ = try harness.holdCall()
        harness.quoteCall(bid: "1.00", ask: "1.10")
        harness.jump(to: Timestamp(secondsSinceEpoch: 1_614_722_400))  // 17:00 New York
        #expect(harness.step().intents.isEmpty)
        harness.jump(to: Timestamp(secondsSinceEpoch: 1_614_781_860))  // 09:31 the next morning
        #expect(OptionsHarness.summary(harness.step()) == ["place opt-SPY-USD-SELL-2 SELL 9 market"])
    }

    @Test func anExitWorkingAtExpiryIsCancelledBeforeThePositionIsClosed() throws {
        var harness = try OptionsHarness()
        _ = try harness.holdCall()
        let takeProfit = try harness.restTakeProfit()

        harness.jump(to: Timestamp(secondsSinceEpoch: 1_614_978_000))  // Friday 5 March, 16:00 New York
        let atExpiry = harness.step(underlying: "412.50")
        #expect(OptionsHarness.summary(atExpiry) == ["cancel \(takeProfit.clientOrderID) option_expired"])
        #expect(atExpiry.expirations.isEmpty)
        try harness.engine.apply(.cancel, to: takeProfit.clientOrderID, at: harness.now)
        _ = harness.engine.removeSettledOrder(takeProfit.clientOrderID)

        let closed = harness.step(underlying: "412.50")
        #expect(closed.expirations.map(\.realized) == [FixedPoint("364.5")!])
        #expect(closed.intents.isEmpty)
    }
}
