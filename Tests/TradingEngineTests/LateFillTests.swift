import Testing
import TradingEngine
import TraderCore

/// Fills the venue reports after the engine stopped expecting them: after a cancel request, after
/// the cancel was confirmed, and after the settled order was handed out. Each books exactly
/// (position, cash, fee), once per trade id.
@Suite struct LateFillTests {
    private let postOnly = ExecutionPolicy(style: .postOnlyLimit(improvementTicks: 0), strategyID: "t", postOnlyTTL: .seconds(60))

    /// An accepted buy of 0.01 BTC at 20, then the TTL's cancel request.
    private func cancelling() throws -> (EngineHarness, ClientOrderID) {
        var harness = try EngineHarness(execution: postOnly)
        let order = try harness.placeAndSubmit()
        #expect(EngineHarness.summary(harness.step()) == ["cancel t-BTC-USD-BUY-1 post_only_ttl"])
        return (harness, order.clientOrderID)
    }

    private func expectBooked(_ harness: EngineHarness, quantity: String, cash: String) {
        #expect(harness.engine.portfolio.positions[EngineHarness.btc]?.quantity == Quantity(quantity)!)
        #expect(harness.engine.portfolio.cash == FixedPoint(cash)!)
    }

    @Test func aFillWhileTheCancelIsPendingBooks() throws {
        var (harness, id) = try cancelling()
        let fill = harness.fill("0.004", fee: "0.01")
        #expect(try harness.engine.apply(.fill(fill), to: id, at: fill.time).status == .pendingCancel)
        expectBooked(harness, quantity: "0.004", cash: "99999.91")  // 100,000 − 0.08 − 0.01
        #expect(harness.engine.portfolio.workingOrders[id]?.remainingQuantity == Quantity("0.006")!)
    }

    @Test func aFillAfterTheCancelWasConfirmedBooksOnce() throws {
        var (harness, id) = try cancelling()
        try harness.engine.apply(.cancel, to: id, at: EngineHarness.close(ofBar: 5))
        #expect(harness.engine.portfolio.workingOrders[id] == nil)
        let fill = harness.fill("0.004", fee: "0.01")
        #expect(try harness.engine.apply(.fill(fill), to: id, at: fill.time).status == .cancelled)
        expectBooked(harness, quantity: "0.004", cash: "99999.91")
        #expect(throws: OrderTransitionError.self) { try harness.engine.apply(.fill(fill), to: id, at: fill.time) }
        expectBooked(harness, quantity: "0.004", cash: "99999.91")
    }

    @Test func aFillAfterTheSettledOrderWasHandedOutBooksOnceAndCompletesIt() throws {
        var (harness, id) = try cancelling()
        try harness.engine.apply(.cancel, to: id, at: EngineHarness.close(ofBar: 5))
        #expect(harness.engine.removeSettledOrder(id)?.status == .cancelled)
        let fill = harness.fill("0.01", fee: "0.02")
        // The whole quantity had executed before the cancel: the late report completes the order.
        #expect(try harness.engine.apply(.fill(fill), to: id, at: fill.time).status == .filled)
        expectBooked(harness, quantity: "0.01", cash: "99999.78")  // 100,000 − 0.2 − 0.02
        #expect(throws: OrderTransitionError.self) { try harness.engine.apply(.fill(fill), to: id, at: fill.time) }
        expectBooked(harness, quantity: "0.01", cash: "99999.78")
        #expect(harness.engine.orders[id] == nil)
    }

    @Test func anEventForAnOrderNeverCreatedIsStillRefused() throws {
        var (harness, _) = try cancelling()
        let fill = harness.fill("0.01")
        #expect { try harness.engine.apply(.fill(fill), to: ClientOrderID("t-BTC-USD-BUY-99"), at: fill.time) } throws: {
            ($0 as? EngineError)?.code == .unknownOrder
        }
        #expect(harness.engine.portfolio.positions[EngineHarness.btc] == nil)
    }
}
