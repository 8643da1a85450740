import Testing
import TradingEngine
import TraderCore

/// What the engine does with its orders after placing them: TTL cancels and re-quotes of resting
/// post-only orders, lookups of ambiguous submits, and fills that arrive twice.
@Suite struct OrderFollowUpTests {
    private let postOnly = ExecutionPolicy(style: .postOnlyLimit(improvementTicks: 0), strategyID: "t", postOnlyTTL: .seconds(60), maxRequotes: 1)
    private let market = ExecutionPolicy(style: .market, strategyID: "t")

    @Test func aPostOnlyOrderRestingPastItsTTLIsCancelledThenRequotedOnceThenGivenUp() throws {
        var harness = try EngineHarness(execution: postOnly)
        let first = try harness.placeAndSubmit()
        #expect(first.clientOrderID == ClientOrderID("t-BTC-USD-BUY-1"))
        #expect(first.kind == .limit(price: Price("20")!, postOnly: true))

        // One bar (60 s) later it has rested its TTL: the engine asks for a cancel and marks it.
        #expect(EngineHarness.summary(harness.step()) == ["cancel t-BTC-USD-BUY-1 post_only_ttl"])
        #expect(harness.engine.orders[first.clientOrderID]?.status == .pendingCancel)
        try harness.engine.apply(.cancel, to: first.clientOrderID, at: EngineHarness.close(ofBar: 5))

        // The next cycle re-quotes the whole quantity under a new id, for the same proposal.
        let requoteCycle = harness.step()
        #expect(EngineHarness.summary(requoteCycle) == ["place t-BTC-USD-BUY-2 0.01"])
        guard case .place(let second, let proposal) = requoteCycle.intents[0] else { return }
        #expect(proposal.signal == "ema_cross")
        #expect(requoteCycle.risk?.approved.count == 1)
        #expect(requoteCycle.noTradeReason == .noSignal)
        try harness.engine.apply(.submit, to: second.clientOrderID, at: EngineHarness.close(ofBar: 6))
        try harness.engine.apply(.accept(VenueOrderID("venue-2")), to: second.clientOrderID, at: EngineHarness.close(ofBar: 6))

        #expect(EngineHarness.summary(harness.step()) == ["cancel t-BTC-USD-BUY-2 post_only_ttl"])
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
        let order = try harness.placeAndSubmit()
        let fill = harness.fill("0.004")
        try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: fill.time)
        #expect(EngineHarness.summary(harness.step()) == ["cancel t-BTC-USD-BUY-1 post_only_ttl"])
        try harness.engine.apply(.cancel, to: order.clientOrderID, at: EngineHarness.close(ofBar: 5))
        #expect(EngineHarness.summary(harness.step()) == ["place t-BTC-USD-BUY-2 0.006"])
        #expect(harness.engine.portfolio.positions[EngineHarness.btc]?.quantity == Quantity("0.004")!)
    }

    @Test func applyReturnsTheNewStatusAndOnlyASettledOrderIsHandedOver() throws {
        var harness = try EngineHarness(execution: postOnly)
        let order = try harness.placeAndSubmit()
        let id = order.clientOrderID
        // Submitted and accepted, it is pending exposure for its whole quantity.
        #expect(harness.engine.portfolio.workingOrders[id]?.remainingQuantity == Quantity("0.01")!)
        let partial = harness.fill("0.004")
        #expect(try harness.engine.apply(.fill(partial), to: id, at: partial.time).status == .partiallyFilled)
        #expect(harness.engine.portfolio.workingOrders[id]?.remainingQuantity == Quantity("0.006")!)
        // Still working: nothing is handed over, and the order stays as it was.
        #expect(harness.engine.removeSettledOrder(id) == nil)
        #expect(harness.engine.orders[id]?.filledQuantity == Quantity("0.004")!)
        let rest = harness.fill("0.006", tradeID: "trade-2")
        #expect(try harness.engine.apply(.fill(rest), to: id, at: rest.time).status == .filled)
        #expect(harness.engine.portfolio.workingOrders[id] == nil)
        let settled = harness.engine.removeSettledOrder(id)
        #expect(settled?.history.map(\.to) == [.submitted, .open, .partiallyFilled, .filled])
        #expect(harness.engine.orders[id] == nil)
        #expect(harness.engine.removeSettledOrder(id) == nil)
    }

    @Test func anOrderThatFillsBeforeItsTTLIsNeitherCancelledNorRequoted() throws {
        var harness = try EngineHarness(execution: postOnly)
        let order = try harness.placeAndSubmit()
        let fill = harness.fill("0.01")
        try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: fill.time)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
    }

    @Test func anAmbiguousSubmitIsLookedUpEveryCycleAndNeverSentAgain() throws {
        var harness = try EngineHarness(execution: market)
        let order = try harness.placeAndSubmit(ambiguously: true)
        // Still counted as working, so risk keeps its exposure while nobody knows.
        #expect(harness.engine.portfolio.workingOrders.keys.map(\.description) == ["t-BTC-USD-BUY-1"])
        #expect(EngineHarness.summary(harness.step()) == ["lookup t-BTC-USD-BUY-1"])
        #expect(EngineHarness.summary(harness.step()) == ["lookup t-BTC-USD-BUY-1"])
        try harness.engine.apply(.accept(VenueOrderID("venue-1")), to: order.clientOrderID, at: EngineHarness.close(ofBar: 6))
        #expect(harness.engine.orders[order.clientOrderID]?.status == .open)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
    }

    @Test func aLookupThatFindsNothingSettlesTheOrderAsRejectedWithoutAResend() throws {
        var harness = try EngineHarness(execution: market)
        let order = try harness.placeAndSubmit(ambiguously: true)
        #expect(EngineHarness.summary(harness.step()) == ["lookup t-BTC-USD-BUY-1"])
        try harness.engine.apply(
            .reject(reason: "order with this orderID was not found"), to: order.clientOrderID, at: EngineHarness.close(ofBar: 5))
        #expect(harness.engine.orders[order.clientOrderID]?.status == .rejected)
        #expect(harness.engine.portfolio.workingOrders.isEmpty)
        #expect(EngineHarness.summary(harness.step()).isEmpty)
    }

    @Test func aFillReportedTwiceIsRefusedAndBookedOnce() throws {
        var harness = try EngineHarness(execution: market)
        let order = try harness.placeAndSubmit()
        let fill = harness.fill("0.004", tradeID: "trade-7", fee: "0.01")
        try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: fill.time)
        let cash = harness.engine.portfolio.cash
        #expect(throws: OrderTransitionError.self) { try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: fill.time) }
        #expect(harness.engine.portfolio.cash == cash)
        #expect(cash == FixedPoint("99999.91")!)
        #expect(harness.engine.orders[order.clientOrderID]?.filledQuantity == Quantity("0.004")!)
    }
}
