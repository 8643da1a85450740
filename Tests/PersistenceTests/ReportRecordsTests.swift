import Foundation
import GRDB
@testable import Persistence
import Testing
import TraderCore

/// What reports read of a live run: each order's origin, every cycle's NAV and the option expiries,
/// committed with the cycle, read back exactly, also by a reader that holds no lock; and a version 6
/// file gains them keeping what it held.
@Suite struct ReportRecordsTests {
    typealias F = StoreFixture

    @Test func aCyclesOriginsAndNAVAreReadBackExactlyWithoutTheLock() throws {
        let path = try F.statePath()
        let store = try StateStore(path: path)
        let origin = OrderOrigin(signal: "momentum", regime: .trend, decisionMid: Price("50012.345")!)
        let intent = IntentRecord(
            clientOrderID: ClientOrderID("order-1"), symbol: F.btc, side: .buy, kind: .limit(price: Price("50000")!, postOnly: true),
            quantity: Quantity("0.01")!, cycleID: "cycle-1", decidedAt: F.start, origin: origin)
        try store.commitCycle(
            CycleRecord(
                audit: F.audit("cycle-1", intents: ["order-1"]), intents: [intent, F.intent(2)],
                equity: EquityRecord(at: F.start, nav: FixedPoint("100000.5")!, exposed: false)))
        try store.commitCycle(
            CycleRecord(
                audit: F.audit("cycle-2", at: F.start.advanced(by: .seconds(3_600))),
                equity: EquityRecord(
                    at: F.start.advanced(by: .seconds(3_600)), nav: FixedPoint("99876.12345678")!, exposed: true,
                    exposures: ["BTC": FixedPoint("500.00000001")!, "ETH": FixedPoint("12.5")!])))
        try store.commitCycle(CycleRecord(audit: F.audit("cycle-2-follow-up", at: F.start.advanced(by: .seconds(3_630)))))
        let call = OptionContract(underlying: Symbol(base: "SPY", quote: "USD"), expiry: "20261120", strike: Price("590")!, right: .call)
        let expiry = OptionExpiryRecord(at: F.start.advanced(by: .seconds(7_200)), contract: call, quantity: Quantity(3), intrinsicValue: Price("1.25")!)
        try store.commitCycle(CycleRecord(audit: F.audit("cycle-3", at: expiry.at), optionExpiries: [expiry]))
        // Read while the writer holds the lock.
        let history = try StateStore(readingOnly: path).runHistory()
        #expect(history.orders.map(\.intent.origin) == [origin, nil])
        #expect(history.audit.map(\.cycleID) == ["cycle-1", "cycle-2", "cycle-2-follow-up", "cycle-3"])
        #expect(history.equity == [
            EquityRecord(at: F.start, nav: FixedPoint("100000.5")!, exposed: false),
            EquityRecord(
                at: F.start.advanced(by: .seconds(3_600)), nav: FixedPoint("99876.12345678")!, exposed: true,
                exposures: ["BTC": FixedPoint("500.00000001")!, "ETH": FixedPoint("12.5")!]),
        ])
        #expect(history.optionExpiries == [expiry])
    }

    @Test func aVersion6StoreMigratesKeepingItsOrdersWhichHaveNoOrigin() throws {
        let path = try F.legacyStatePath(upTo: "v6")
        let store = try StateStore(path: path)
        let history = try store.runHistory()
        let kept = try #require(history.orders.first)
        #expect(kept.intent.clientOrderID == ClientOrderID("order-1") && kept.intent.origin == nil && kept.status == .filled)
        #expect(history.equity.isEmpty && history.optionExpiries.isEmpty && history.fills.isEmpty)
    }

    @Test func anOriginWithoutItsMidIsRefusedByTheSchema() throws {
        let store = try StateStore(path: try F.statePath())
        try store.recordIntents([F.intent(1)])
        do {
            try store.write { db in try db.execute(sql: "UPDATE orders SET signal = 'momentum' WHERE client_order_id = 'order-1'") }
            Issue.record("a signal without a decision mid was stored")
        } catch {
            #expect(error.code == .constraint)
        }
    }
}
