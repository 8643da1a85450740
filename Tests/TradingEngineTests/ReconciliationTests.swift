import Backtest
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// The engine against venue truth on the paper venue over real hours: every kind of difference
/// reported with both values, and venue truth adopted all or nothing, after which the engine's
/// book equals the venue's balances to the unit and no order is sent twice.
@Suite struct ReconciliationTests {
    private static let btc = PaperSession.btc

    private func kinds(_ report: ReconciliationReport) -> Set<ReconciliationReport.Difference.Kind> { Set(report.differences.map(\.kind)) }

    @Test func aSessionThatBookedEverythingIsInSync() async throws {
        var session = try PaperSession()
        try await session.run(300)
        #expect(session.sent.count > 4, "the crossover must trade for the test to mean anything")
        #expect(session.engine.reconciliation(with: try await session.snapshot()).differences == [])
    }

    @Test func fillsMissedForHoursAreReportedByTradeIDAndBookedOnceWhenAdopted() async throws {
        var session = try PaperSession()
        try await session.run(400, missing: { $0 >= 250 })
        let snapshot = try await session.snapshot()
        let report = session.engine.reconciliation(with: snapshot)
        let missing = report.differences.filter { $0.kind == .missingFill }
        #expect(!missing.isEmpty)
        #expect(Set(missing.map(\.subject)).count == missing.count)
        #expect(kinds(report).isSuperset(of: [.missingFill, .orderState, .balance, .position]))
        let cash = try #require(report.differences.first { $0.kind == .balance })
        #expect(cash.engine == session.engine.portfolio.cash.description)
        #expect(cash.venue == snapshot.total(of: .usd).description)

        let applied = try session.engine.adoptVenueTruth(snapshot)
        #expect(applied.reduce(0) { $0 + $1.fills.count } == missing.count)
        #expect(session.engine.reconciliation(with: snapshot).differences == [])
        let (engine, venue) = (session.engineHoldings, try await session.venueHoldings())
        #expect(engine.btc == venue.btc)
        #expect(engine.usd == venue.usd)
        #expect(try session.engine.adoptVenueTruth(snapshot).isEmpty)
    }

    @Test func anOrderCommittedButNeverSentIsRefusedNeverSent() async throws {
        var session = try PaperSession()
        var hours = 0
        while !session.engine.orders.values.contains(where: { $0.status == .new }) && hours < 2_000 {
            try await session.run(1, sending: { _ in false })
            hours += 1
        }
        let unsent = try #require(session.engine.orders.values.first { $0.status == .new })
        let snapshot = try await session.snapshot()
        #expect(session.engine.ordersToLookUp(openAtVenue: snapshot.openOrders).map(\.clientOrderID) == [unsent.clientOrderID])
        #expect(
            session.engine.reconciliation(with: snapshot).differences == [
                .init(.orderState, unsent.clientOrderID.rawValue, engine: "new", venue: "never received")
            ])
        try session.engine.adoptVenueTruth(snapshot)
        #expect(session.engine.orders[unsent.clientOrderID]?.status == .rejected)
        #expect(try await session.venue.order(OrderReference(unsent.clientOrderID)) == nil)
    }

    @Test func anOrderWhoseAnswerWasLostIsFoundByLookupAndBookedAsTheVenueHasIt() async throws {
        var session = try PaperSession()
        await session.venue.loseNextPlaceAnswer(afterArrival: true)
        var hours = 0
        while !session.engine.orders.values.contains(where: { $0.status == .unknown }) && hours < 2_000 {
            try await session.run(1, missing: { _ in true })
            hours += 1
        }
        let lost = try #require(session.engine.orders.values.first { $0.status == .unknown })
        let snapshot = try await session.snapshot()
        let atVenue = try #require(try await session.venue.order(OrderReference(lost.clientOrderID)))
        #expect(session.engine.reconciliation(with: snapshot).differences.contains(
            .init(.orderState, lost.clientOrderID.rawValue, engine: "unknown", venue: atVenue.status.rawValue)))
        try session.engine.adoptVenueTruth(snapshot)
        #expect(session.engine.orders[lost.clientOrderID]?.venueOrderID == atVenue.venueOrderID)
        #expect(session.engine.orders[lost.clientOrderID]?.status == atVenue.status)
        #expect(session.sent.filter { $0.clientOrderID == lost.clientOrderID }.count == 1)
    }

    @Test func anOrderTheEngineDidNotCreateIsReportedAndLeftAlone() async throws {
        var session = try PaperSession()
        try await session.run(50)
        let bid = try #require(try await session.venue.quotes(for: [Self.btc])[Self.btc]).bid
        let price = try Price(bid.value.multiplied(by: FixedPoint("0.5")!, rounding: .down)).rounded(toTick: Price("0.01")!, .down)
        let manual = Order(
            clientOrderID: ClientOrderID("manual-1"), symbol: Self.btc, side: .buy, kind: .limit(price: price, postOnly: true),
            quantity: Quantity("0.01")!)
        _ = try await session.venue.place(manual)
        let snapshot = try await session.snapshot()
        let extra = session.engine.reconciliation(with: snapshot).differences
        #expect(extra.map(\.kind) == [.extraOrder])
        #expect(extra.first?.subject == "manual-1")
        try session.engine.adoptVenueTruth(snapshot)
        #expect(session.engine.orders[ClientOrderID("manual-1")] == nil)
        #expect(try await session.venue.order(OrderReference(ClientOrderID("manual-1")))?.status == .open)
    }

    @Test func aDepositAtTheVenueIsReportedAndAdoptedAsCash() async throws {
        var session = try PaperSession()
        try await session.run(50)
        var snapshot = try await session.snapshot()
        let usd = try #require(snapshot.balances.firstIndex { $0.currency == .usd })
        let before = snapshot.balances[usd]
        snapshot.balances[usd] = Balance(currency: .usd, available: try before.available.adding(FixedPoint(500)), hold: before.hold)
        let expected = try session.engine.portfolio.cash.adding(FixedPoint(500))
        #expect(
            session.engine.reconciliation(with: snapshot).differences == [
                .init(.balance, "USD", engine: session.engine.portfolio.cash.description, venue: expected.description)
            ])
        try session.engine.adoptVenueTruth(snapshot)
        #expect(session.engine.portfolio.cash == expected)
    }

    @Test func aHoldingFromNothingWithoutAMarkIsRefusedAndChangesNothing() async throws {
        let session = try PaperSession()
        var engine = session.engine
        let snapshot = VenueSnapshot(
            time: Timestamp(secondsSinceEpoch: 0),
            balances: [
                Balance(currency: .usd, available: FixedPoint(100_000), hold: .zero),
                Balance(currency: Currency(code: "BTC"), available: FixedPoint(1), hold: .zero),
            ], openOrders: [], fills: [], lookups: [:])
        #expect(engine.reconciliation(with: snapshot).differences == [.init(.position, "BTC-USD", engine: "0", venue: "1")])
        let error = #expect(throws: Portfolio.Error.self) { try engine.adoptVenueTruth(snapshot) }
        #expect(error?.code == "no_cost")
        #expect(engine.portfolio == session.engine.portfolio)
    }

    @Test func aSnapshotWithoutTheLookupOfAnUnsettledOrderIsIncompleteAndChangesNothing() async throws {
        var session = try PaperSession()
        try await session.run(400, missing: { $0 >= 250 })
        var snapshot = try await session.snapshot()
        try #require(!snapshot.lookups.isEmpty)
        snapshot.lookups = [:]
        #expect(!session.engine.reconciliation(with: snapshot).isComplete)
        let before = session.engine.portfolio
        let error = #expect(throws: EngineError.self) { try session.engine.adoptVenueTruth(snapshot) }
        #expect(error?.code == .incompleteSnapshot)
        #expect(session.engine.portfolio == before)
    }
}
