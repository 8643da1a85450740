import Testing
import TradingEngine
import TraderCore

/// Venue events as the engine books them, and the result a shell persists: the order's new
/// status, the fills booked, what they realized and the position after. A status report (a
/// lookup's answer) books what the engine has not seen, once per trade id.
@Suite struct VenueEventTests {
    private let postOnly = ExecutionPolicy(style: .postOnlyLimit(improvementTicks: 0), strategyID: "t", postOnlyTTL: .seconds(60))

    private func report(
        _ id: ClientOrderID, _ status: Order.Status, filled: String, fills: [Fill], reason: String? = nil
    ) -> VenueOrderReport {
        VenueOrderReport(
            clientOrderID: id, venueOrderID: VenueOrderID("venue-1"), symbol: EngineHarness.btc, side: .buy, status: status,
            filledQuantity: Quantity(filled)!, averagePrice: fills.isEmpty ? nil : Price("20")!, fills: fills, reason: reason,
            time: EngineHarness.close(ofBar: 5))
    }

    @Test func aFillEventReportsTheStatusTheFillItsRealizedFeeAndThePositionAfter() throws {
        var harness = try EngineHarness(execution: postOnly)
        let id = try harness.placeAndSubmit().clientOrderID
        let fill = harness.fill("0.004", fee: "0.01")
        let applied = try harness.engine.apply(VenueEvent(clientOrderID: id, change: .filled(fill), time: fill.time))
        #expect(applied.previousStatus == .open)
        #expect(applied.status == .partiallyFilled)
        #expect(applied.fills == [fill])
        #expect(applied.realized == FixedPoint("-0.01")!)  // a buy realizes its fee
        #expect(applied.position?.quantity == Quantity("0.004")!)
        #expect(applied.position?.costBasis == FixedPoint("0.08")!)
    }

    @Test func anAcceptanceBooksNoFillAndNoPosition() throws {
        var harness = try EngineHarness(execution: postOnly)
        let id = try harness.stepUntilAnOrder().clientOrderID
        let time = EngineHarness.close(ofBar: 4)
        try harness.engine.apply(.submit, to: id, at: time)
        let applied = try harness.engine.apply(VenueEvent(clientOrderID: id, change: .accepted(VenueOrderID("v-9")), time: time))
        #expect(applied.previousStatus == .submitted)
        #expect(applied.status == .open)
        #expect(applied.fills.isEmpty && applied.realized == .zero && applied.position == nil)
        #expect(harness.engine.orders[id]?.venueOrderID == VenueOrderID("v-9"))
    }

    @Test func aStatusReportSettlesAnUnknownSubmitWithItsAcceptanceAndFills() throws {
        var harness = try EngineHarness(execution: postOnly)
        let id = try harness.placeAndSubmit(ambiguously: true).clientOrderID
        let fill = harness.fill("0.01", fee: "0.02")
        let status = report(id, .filled, filled: "0.01", fills: [fill])
        let applied = try harness.engine.apply(VenueEvent(status: status, at: EngineHarness.close(ofBar: 5)))
        #expect(applied.previousStatus == .unknown)
        #expect(applied.status == .filled)
        #expect(applied.fills == [fill])
        #expect(applied.realized == FixedPoint("-0.02")!)
        #expect(harness.engine.orders[id]?.history.map(\.to) == [.submitted, .unknown, .open, .filled])
        #expect(harness.engine.portfolio.cash == FixedPoint("99999.78")!)  // 100,000 − 0.2 − 0.02
    }

    @Test func aStatusReportAfterTheCancelBooksTheLateFillsOnce() throws {
        var harness = try EngineHarness(execution: postOnly)
        let id = try harness.placeAndSubmit().clientOrderID
        _ = harness.step()  // the TTL's cancel request
        try harness.engine.apply(VenueEvent(clientOrderID: id, change: .cancelled, time: EngineHarness.close(ofBar: 5)))
        #expect(harness.engine.removeSettledOrder(id)?.status == .cancelled)
        let fill = harness.fill("0.004", fee: "0.01")
        let status = report(id, .cancelled, filled: "0.004", fills: [fill], reason: "USER_CANCELLED")
        let first = try harness.engine.apply(VenueEvent(status: status, at: EngineHarness.close(ofBar: 6)))
        #expect(first.status == .cancelled)
        #expect(first.fills == [fill])
        #expect(first.position?.quantity == Quantity("0.004")!)
        // The same report again (a resynchronization after a gap) books nothing twice.
        let again = try harness.engine.apply(VenueEvent(status: status, at: EngineHarness.close(ofBar: 7)))
        #expect(again.fills.isEmpty && !again.changedAnything)
        #expect(harness.engine.portfolio.cash == FixedPoint("99999.91")!)
    }

    @Test func aStatusReportWhoseFilledSizeItsFillsDoNotExplainChangesNothing() throws {
        var harness = try EngineHarness(execution: postOnly)
        let id = try harness.placeAndSubmit().clientOrderID
        let status = report(id, .filled, filled: "0.01", fills: [harness.fill("0.004")])
        #expect { try harness.engine.apply(VenueEvent(status: status, at: EngineHarness.close(ofBar: 5))) } throws: {
            ($0 as? EngineError)?.code == .inconsistentReport
        }
        #expect(harness.engine.orders[id]?.status == .open)
        #expect(harness.engine.portfolio.positions[EngineHarness.btc] == nil)
        #expect(harness.engine.portfolio.cash == FixedPoint(100_000))
    }

    @Test func aStatusReportForAnotherSideIsRefused() throws {
        var harness = try EngineHarness(execution: postOnly)
        let id = try harness.placeAndSubmit().clientOrderID
        let sell = VenueOrderReport(
            clientOrderID: id, venueOrderID: VenueOrderID("venue-1"), symbol: EngineHarness.btc, side: .sell, status: .open,
            filledQuantity: .zero, averagePrice: nil, fills: [], reason: nil, time: EngineHarness.close(ofBar: 5))
        #expect { try harness.engine.apply(VenueEvent(status: sell, at: EngineHarness.close(ofBar: 5))) } throws: {
            ($0 as? EngineError)?.code == .inconsistentReport
        }
    }

    @Test func aStatusReportOfARejectionRejectsAnUnknownSubmit() throws {
        var harness = try EngineHarness(execution: postOnly)
        let id = try harness.placeAndSubmit(ambiguously: true).clientOrderID
        let status = report(id, .rejected, filled: "0", fills: [], reason: "INSUFFICIENT_FUND")
        let applied = try harness.engine.apply(VenueEvent(status: status, at: EngineHarness.close(ofBar: 5)))
        #expect(applied.status == .rejected)
        #expect(harness.engine.orders[id]?.history.last?.event == .reject(reason: "INSUFFICIENT_FUND"))
        #expect(harness.engine.portfolio.workingOrders[id] == nil)
    }
}
