import Testing
import TradingEngine
import TraderCore

/// What the engine does with its orders after placing them: TTL cancels and re-quotes of resting
/// post-only orders, lookups of ambiguous submits, and fills that arrive twice.
@Suite struct OrderFollowUpTests {
    private let postOnly = ExecutionPolicy(style: .postOnlyLimit(improvementTicks: 0), strategyID: "t", postOnlyTTL: .seconds(60), maxRequotes: 1)
    private let market = ExecutionPolicy(style: .market, strategyID: "t")

    private func venueID(_ number: Int) -> VenueOrderID { VenueOrderID("venue-\(number)") }

    @Test func aPostOnlyOrderRestingPastItsTTLIsCancelledThenRequotedOnceThenGivenUp() throws {
        var harness = try EngineHarness(execution: postOnly)
        let first = try harness.stepUntilAnOrder()
        #expect(first.clientOrderID == ClientOrderID("t-BTC-USD-BUY-1"))
        #expect(first.kind == .limit(price: Price("20")!, postOnly: true))
        let placedAt = EngineHarness.close(ofBar: 4)
        try harness.engine.apply(.submit, to: first.clientOrderID, at: placedAt)
        try harness.engine.apply(.accept(venueID(1)), to: first.clientOrderID, at: placedAt)

        // One bar (60 s) later it has rested its TTL: the engine asks for a cancel and marks it.
        #expect(EngineHarness.summary(harness.step()) == ["cancel t-BTC-USD-BUY-1"])
        #expect(harness.engine.orders[first.clientOrderID]?.status == .pendingCancel)
        try harness.engine.apply(.cancel, to: first.clientOrderID, at: EngineHarness.close(ofBar: 5))

        // The next cycle re-quotes the whole quantity under a new id, for the same proposal.
        let requoteCycle = harness.step()
        #expect(EngineHarness.summary(requoteCycle) == ["place t-BTC-USD-BUY-2 0.01"])
        guard case .place(let second, let proposal) = requoteCycle.intents[0] else { return }
        #expect(proposal.signal == "ema_cross")
        #expect(requoteCycle.risk?.approved.count == 1)
        #expect(requoteCycle.noTradeReason == "no_signal")
        try harness.engine.apply(.submit, to: second.clientOrderID, at: EngineHarness.close(ofBar: 6))
        try harness.engine.apply(.accept(venueID(2)), to: second.clientOrderID, at: EngineHarness.close(ofBar: 6))

        #expect(EngineHarness.summary(harness.step()) == ["cancel t-BTC-USD-BUY-2"])
        try harness.engine.apply(.cancel, to: second.clientOrderID, at: EngineHarness.close(ofBar: 7))

        // max_requotes is 1: the second cancel ends the trade.
        let givenUp = harness.step()
        #expect(givenUp.intents.isEmpty)
        #expect(givenUp.droppedRequotes == [.init(clientOrderID: second.clientOrderID, quantity: Quantity("0.01")!, code: "max_requotes_reached")])
        #expect(harness.engine.portfolio.workingOrders.isEmpty)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
    }

    @Test func aPartlyFilledOrderIsRequotedForWhatIsLeft() throws {
        var harness = try EngineHarness(execution: postOnly)
        let order = try harness.stepUntilAnOrder()
        let time = EngineHarness.close(ofBar: 4)
        try harness.engine.apply(.submit, to: order.clientOrderID, at: time)
        try harness.engine.apply(.accept(venueID(1)), to: order.clientOrderID, at: time)
        let fill = Fill(
            tradeID: TradeID("trade-1"), price: Price("20")!, quantity: Quantity("0.004")!, fee: .zero(.usd), liquidity: .maker,
            time: time.advanced(bySeconds: 30))
        try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: fill.time)
        #expect(EngineHarness.summary(harness.step()) == ["cancel t-BTC-USD-BUY-1"])
        try harness.engine.apply(.cancel, to: order.clientOrderID, at: EngineHarness.close(ofBar: 5))
        #expect(EngineHarness.summary(harness.step()) == ["place t-BTC-USD-BUY-2 0.006"])
        #expect(harness.engine.portfolio.positions[EngineHarness.btc]?.quantity == Quantity("0.004")!)
    }

    @Test func anOrderThatFillsBeforeItsTTLIsNeitherCancelledNorRequoted() throws {
        var harness = try EngineHarness(execution: postOnly)
        let order = try harness.stepUntilAnOrder()
        let time = EngineHarness.close(ofBar: 4)
        try harness.engine.apply(.submit, to: order.clientOrderID, at: time)
        try harness.engine.apply(.accept(venueID(1)), to: order.clientOrderID, at: time)
        let fill = Fill(
            tradeID: TradeID("trade-1"), price: Price("20")!, quantity: Quantity("0.01")!, fee: .zero(.usd), liquidity: .maker,
            time: time.advanced(bySeconds: 30))
        try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: fill.time)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
    }

    @Test func anAmbiguousSubmitIsLookedUpEveryCycleAndNeverSentAgain() throws {
        var harness = try EngineHarness(execution: market)
        let order = try harness.stepUntilAnOrder()
        let time = EngineHarness.close(ofBar: 4)
        try harness.engine.apply(.submit, to: order.clientOrderID, at: time)
        try harness.engine.apply(.submitOutcomeUnknown(reason: "timeout after 10 s"), to: order.clientOrderID, at: time)
        // Still counted as working, so risk keeps its exposure while nobody knows.
        #expect(harness.engine.portfolio.workingOrders.keys.map(\.description) == ["t-BTC-USD-BUY-1"])
        #expect(EngineHarness.summary(harness.step()) == ["lookup t-BTC-USD-BUY-1"])
        #expect(EngineHarness.summary(harness.step()) == ["lookup t-BTC-USD-BUY-1"])
        try harness.engine.apply(.accept(venueID(1)), to: order.clientOrderID, at: EngineHarness.close(ofBar: 6))
        #expect(harness.engine.orders[order.clientOrderID]?.status == .open)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
    }

    @Test func aLookupThatFindsNothingSettlesTheOrderAsRejectedWithoutAResend() throws {
        var harness = try EngineHarness(execution: market)
        let order = try harness.stepUntilAnOrder()
        let time = EngineHarness.close(ofBar: 4)
        try harness.engine.apply(.submit, to: order.clientOrderID, at: time)
        try harness.engine.apply(.submitOutcomeUnknown(reason: "HTTP 503"), to: order.clientOrderID, at: time)
        #expect(EngineHarness.summary(harness.step()) == ["lookup t-BTC-USD-BUY-1"])
        try harness.engine.apply(
            .reject(reason: "order with this orderID was not found"), to: order.clientOrderID, at: EngineHarness.close(ofBar: 5))
        #expect(harness.engine.orders[order.clientOrderID]?.status == .rejected)
        #expect(harness.engine.portfolio.workingOrders.isEmpty)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
    }

    @Test func aFillReportedTwiceIsRefusedAndBookedOnce() throws {
        var harness = try EngineHarness(execution: market)
        let order = try harness.stepUntilAnOrder()
        let time = EngineHarness.close(ofBar: 4)
        try harness.engine.apply(.submit, to: order.clientOrderID, at: time)
        try harness.engine.apply(.accept(venueID(1)), to: order.clientOrderID, at: time)
        let fill = Fill(
            tradeID: TradeID("trade-7"), price: Price("20")!, quantity: Quantity("0.004")!, fee: Money(FixedPoint("0.01")!, .usd),
            liquidity: .taker, time: time)
        try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: time)
        let cash = harness.engine.portfolio.cash
        #expect(throws: OrderTransitionError.self) { try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: time) }
        #expect(harness.engine.portfolio.cash == cash)
        #expect(cash == FixedPoint("99999.91")!)
        #expect(harness.engine.orders[order.clientOrderID]?.filledQuantity == Quantity("0.004")!)
    }
}
