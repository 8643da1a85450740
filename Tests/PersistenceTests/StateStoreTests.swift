import Foundation
import GRDB
@testable import Persistence
import Testing
import TraderCore

@Suite struct StateStoreTests {
    typealias F = StoreFixture

    @Test func anIntentIsStoredAsNewAndSettlesThroughItsSteps() throws {
        let store = try StateStore(path: try F.statePath())
        try store.recordIntents([F.intent(1)])
        let id = ClientOrderID("order-1")
        #expect(try store.order(id)?.status == .new)
        #expect(try store.unsettledOrders().map(\.intent.clientOrderID) == [id])
        let added = try store.commitCycle(
            CycleRecord(
                audit: F.audit("cycle-1", intents: ["order-1"]),
                transitions: [
                    .init(clientOrderID: id, from: .new, to: .submitted, event: "submit", at: F.start),
                    .init(clientOrderID: id, from: .submitted, to: .open, event: "accept", venueOrderID: VenueOrderID("v-1"), at: F.start),
                    .init(clientOrderID: id, from: .open, to: .filled, event: "fill", at: F.start.advanced(by: .seconds(5))),
                ],
                fills: [FillOfOrder(clientOrderID: id, fill: F.fill("t-1"))]))
        #expect(added == [TradeID("t-1")])
        let stored = try #require(try store.order(id))
        #expect(stored.status == .filled)
        #expect(stored.venueOrderID == VenueOrderID("v-1"))
        #expect(stored.intent == F.intent(1))
        #expect(stored.updatedAt == F.start.advanced(by: .seconds(5)))
        #expect(try store.history(of: id).map(\.to) == [.submitted, .open, .filled])
        #expect(try store.unsettledOrders().isEmpty)
    }

    @Test func aFillSeenTwiceIsStoredOnce() throws {
        let store = try StateStore(path: try F.statePath())
        try store.recordIntents([F.intent(1)])
        let fill = FillOfOrder(clientOrderID: ClientOrderID("order-1"), fill: F.fill("t-1"))
        #expect(try store.commitCycle(CycleRecord(audit: F.audit("c-1"), fills: [fill])) == [TradeID("t-1")])
        #expect(try store.commitCycle(CycleRecord(audit: F.audit("c-2"), fills: [fill])) == [])
        #expect(try store.fills(since: F.start).count == 1)
        #expect(try store.fills(since: F.start).first?.fill == F.fill("t-1"))
    }

    @Test func aSecondIntentWithTheSameClientOrderIDIsRefused() throws {
        let store = try StateStore(path: try F.statePath())
        try store.recordIntents([F.intent(1)])
        #expect(throws: StoreError.self) { try store.recordIntents([F.intent(2), F.intent(1)]) }
        do {
            try store.recordIntents([F.intent(1)])
        } catch {
            #expect(error.code == .constraint)
        }
        #expect(try store.order(ClientOrderID("order-2")) == nil)  // the whole batch rolled back
    }

    @Test func aCycleCommitsItsIntentsAuditRecordAndEngineSnapshotTogether() async throws {
        let store = try StateStore(path: try F.statePath())
        let snapshot = EngineSnapshot(cycle: 1, time: F.start, format: 1, payload: Array("state".utf8))
        let added = try await store.commitCycle(
            CycleRecord(audit: F.audit("cycle-1", intents: ["order-1"]), intents: [F.intent(1)], engineSnapshot: snapshot))
        #expect(added.isEmpty)
        #expect(try await store.unsettledOrders().map(\.intent) == [F.intent(1)])
        #expect(try await store.latestEngineSnapshot() == snapshot)
        #expect(try store.auditRecords(from: F.start, to: F.start.advanced(by: .seconds(1))).map(\.cycleID) == ["cycle-1"])
    }

    @Test func aCycleWhoseIntentIsAlreadyStoredWritesNeitherItsAuditRecordNorItsSnapshot() throws {
        let store = try StateStore(path: try F.statePath())
        try store.recordIntents([F.intent(1)])
        let snapshot = EngineSnapshot(cycle: 1, time: F.start, format: 1, payload: Array("state".utf8))
        do {
            try store.commitCycle(CycleRecord(audit: F.audit("cycle-1"), intents: [F.intent(2), F.intent(1)], engineSnapshot: snapshot))
            Issue.record("a cycle reissuing a stored client order id was committed")
        } catch {
            #expect(error.code == .constraint)
        }
        #expect(try store.order(ClientOrderID("order-2")) == nil)
        #expect(try store.latestEngineSnapshot() == nil)
        #expect(try store.auditRecords(from: F.start, to: F.start.advanced(by: .seconds(1))).isEmpty)
    }

    @Test func anOptionIntentWithATimeInForceIsStoredAsItWasDecided() throws {
        let store = try StateStore(path: try F.statePath())
        let spy = Symbol(base: "SPY", quote: "USD")
        let call = OptionContract(underlying: spy, expiry: "20261218", strike: Price("600")!, right: .call)
        let order = Order(
            clientOrderID: ClientOrderID("opt-1"), instrument: .option(call), side: .buy, kind: .limit(price: Price("2.35")!, postOnly: false),
            quantity: Quantity(3), timeInForce: .goodTillDate(F.start.advanced(by: .seconds(3_600))))
        let ioc = Order(
            clientOrderID: ClientOrderID("spot-1"), symbol: spy, side: .sell, kind: .market, quantity: Quantity(1), timeInForce: .immediateOrCancel)
        try store.recordIntents([IntentRecord(order, cycleID: "c-1", decidedAt: F.start), IntentRecord(ioc, cycleID: "c-1", decidedAt: F.start)])
        let stored = try #require(try store.order(ClientOrderID("opt-1")))
        #expect(stored.intent == IntentRecord(order, cycleID: "c-1", decidedAt: F.start))
        #expect(stored.intent.instrument == .option(call))
        #expect(stored.intent.timeInForce == .goodTillDate(F.start.advanced(by: .seconds(3_600))))
        #expect(try store.order(ClientOrderID("spot-1"))?.intent.timeInForce == .immediateOrCancel)
        #expect(try store.order(ClientOrderID("spot-1"))?.intent.instrument == .spot(spy))
    }

    @Test func aCycleWithAStepForAnUnknownOrderWritesNothing() throws {
        let store = try StateStore(path: try F.statePath())
        let step = OrderTransitionRecord(clientOrderID: ClientOrderID("ghost"), from: .new, to: .submitted, event: "submit", at: F.start)
        do {
            try store.commitCycle(CycleRecord(audit: F.audit("c-1"), transitions: [step]))
            Issue.record("a step for an order without an intent was accepted")
        } catch {
            #expect(error.code == .constraint)
        }
        #expect(try store.auditRecords(from: F.start, to: F.start.advanced(by: .seconds(1))).isEmpty)
    }

    @Test func positionsAndBalancesAreCommittedWithTheFillsBehindThem() throws {
        let path = try F.statePath()
        var position = Position(symbol: F.btc)
        try position.apply(F.fill("t-1"), side: .buy)
        let usdc = Currency(code: "USDC")
        let balances = [
            Balance(currency: usdc, available: FixedPoint("12.5")!, hold: .zero),
            Balance(currency: F.usd, available: FixedPoint("99499.7")!, hold: FixedPoint("500")!),
        ]
        do {
            let store = try StateStore(path: path)
            try store.recordIntents([F.intent(1)])
            try store.commitCycle(
                CycleRecord(
                    audit: F.audit("c-1"), fills: [FillOfOrder(clientOrderID: ClientOrderID("order-1"), fill: F.fill("t-1"))],
                    positions: [position], balances: balances))
            try store.commitCycle(
                CycleRecord(
                    audit: F.audit("c-2", at: F.start.advanced(by: .seconds(60))),
                    balances: [Balance(currency: F.usd, available: FixedPoint("99000")!, hold: .zero)]))
        }
        let reopened = try StateStore(path: path)
        let restored = try #require(try reopened.positions()[F.btc])
        #expect(restored == position)
        #expect(restored.quantity == Quantity("0.01")! && restored.costBasis == FixedPoint(500) && restored.feesPaid == FixedPoint("0.3")!)
        #expect(try reopened.balances(asOf: F.start.advanced(by: .seconds(59))) == BalanceSnapshot(at: F.start, balances: balances.reversed()))
        #expect(try reopened.balances(asOf: F.start.advanced(by: .seconds(60)))?.balances.map(\.available) == [FixedPoint(99_000)])
        #expect(try reopened.balances(asOf: F.start.advanced(by: .seconds(-1))) == nil)
    }

    @Test func aRefusedCycleLeavesPositionsAndBalancesAsTheyWere() throws {
        let store = try StateStore(path: try F.statePath())
        let step = OrderTransitionRecord(clientOrderID: ClientOrderID("ghost"), from: .new, to: .submitted, event: "submit", at: F.start)
        var position = Position(symbol: F.btc)
        try position.apply(F.fill("t-1"), side: .buy)
        #expect(throws: StoreError.self) {
            try store.commitCycle(
                CycleRecord(
                    audit: F.audit("c-1"), transitions: [step], positions: [position],
                    balances: [Balance(currency: F.usd, available: 1, hold: 0)]))
        }
        #expect(try store.positions().isEmpty)
        #expect(try store.balances(asOf: F.start) == nil)
    }

    @Test func aNegativePositionRowIsRefusedAsInvalid() throws {
        let path = try F.statePath()
        let store = try StateStore(path: path)
        try store.write { db in
            try db.execute(sql: "INSERT INTO positions VALUES ('BTC-USD', -1, 0, 0, 0, 0)")
        }
        #expect { try store.positions() } throws: { ($0 as? StoreError)?.code == .invalidRecord }
    }

    @Test func theLedgerSumsByCalendarDayInATimeZone() throws {
        let store = try StateStore(path: try F.statePath())
        // 03:00 and 15:00 UTC on Monday: one UTC day, two New York days (Sunday 22:00 and Monday 10:00).
        let early = Timestamp(secondsSinceEpoch: 1_794_841_200 - 12 * 3600)
        try store.commitCycle(
            CycleRecord(
                audit: F.audit("c-1"),
                realized: [.init(at: early, symbol: F.btc, amount: -25), .init(at: F.start, symbol: F.btc, amount: FixedPoint("10.5")!)]))
        let range = (F.start.advanced(by: .seconds(-86_400)), F.start.advanced(by: .seconds(86_400)))
        let utc = try store.realizedByDay(from: range.0, to: range.1, timeZone: TimeZone(identifier: "UTC")!)
        #expect(utc.map(\.day) == ["2026-11-16"])
        #expect(utc.map(\.amount) == [FixedPoint("-14.5")!])
        let newYork = try store.realizedByDay(from: range.0, to: range.1, timeZone: TimeZone(identifier: "America/New_York")!)
        #expect(newYork.map(\.day) == ["2026-11-15", "2026-11-16"])
        #expect(newYork.map(\.amount) == [-25, FixedPoint("10.5")!])
    }

    @Test func pacingCooldownsAnchorsAndDebounceSurviveReopening() throws {
        let path = try F.statePath()
        do {
            let store = try StateStore(path: path)
            try store.recordTradeTime(F.start)
            try store.setCooldown(F.btc, until: F.start.advanced(by: .seconds(600)))
            try store.setCooldown(F.btc, until: F.start.advanced(by: .seconds(300)))  // an earlier end does not shorten it
            try store.saveAnchor(.day, period: 20_408, nav: 100_000)
            try store.saveAnchor(.day, period: 20_408, nav: 90_000)  // the first of the day stays
            try store.saveAnchor(.peak, period: 0, nav: 100_000)
            try store.saveAnchor(.peak, period: 0, nav: 120_000)
            try store.setDebounce(signal: "whale", symbol: F.btc, until: F.start.advanced(by: .seconds(5 * 86_400)))
        }
        let store = try StateStore(path: path)
        #expect(try store.tradeTimes(since: F.start) == [F.start])
        #expect(try store.cooldowns(activeAt: F.start) == [F.btc: F.start.advanced(by: .seconds(600))])
        #expect(try store.cooldowns(activeAt: F.start.advanced(by: .seconds(600))).isEmpty)
        #expect(try store.anchor(.day, period: 20_408) == 100_000)
        #expect(try store.anchor(.peak, period: 0) == 120_000)
        #expect(try store.debounces(signal: "whale") == [F.btc: F.start.advanced(by: .seconds(5 * 86_400))])
    }

    @Test func tradesAreReadBackExactlyByExitTime() throws {
        let store = try StateStore(path: try F.statePath())
        let trade = TradeRecord(
            symbol: F.btc, signal: "momentum", regime: "trend", tier: "core", quantity: Quantity("0.01")!, entryAt: F.start,
            entryPrice: Price("50000")!, exitAt: F.start.advanced(by: .seconds(3600)), exitPrice: Price("50500.5")!,
            fees: FixedPoint("0.6")!, slippage: FixedPoint("0.02")!, edge: FixedPoint("5.005")!, navBefore: 100_000,
            navAfter: FixedPoint("100004.385")!)
        try store.recordTrade(trade)
        #expect(try store.trades(from: F.start, to: F.start.advanced(by: .seconds(3601))) == [trade])
        #expect(try store.trades(from: F.start, to: F.start.advanced(by: .seconds(3600))).isEmpty)
    }

    @Test func theAuditLogExportsAsJSONLines() throws {
        let path = try F.statePath()
        let store = try StateStore(path: path)
        try store.commitCycle(CycleRecord(audit: F.audit("c-1")))
        try store.commitCycle(CycleRecord(audit: F.audit("c-2", at: F.start.advanced(by: .seconds(60)))))
        let export = path + ".audit.jsonl"
        #expect(try store.exportAudit(from: F.start, to: F.start.advanced(by: .seconds(3600)), toPath: export) == 2)
        let lines = try String(contentsOfFile: export, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"at":1794841200000000000,"config_hash":"abc123","cycle_id":"c-1","decisions":[{"#))
        #expect(try store.auditRecords(from: F.start, to: F.start.advanced(by: .seconds(3600))) == [F.audit("c-1"), F.audit("c-2", at: F.start.advanced(by: .seconds(60)))])
    }
}

@Suite struct StoreOpeningTests {
    typealias F = StoreFixture

    @Test func commitsAreSyncedFullyInWALMode() throws {
        let path = try F.statePath()
        let store = try StateStore(path: path)
        #expect(try store.synchronousSetting() == 2)
        #expect(try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func aFileThatIsNotADatabaseIsRefusedAndLeftAsItWas() throws {
        let path = try F.statePath()
        let garbage = Data(repeating: 0x5A, count: 8192)
        try garbage.write(to: URL(fileURLWithPath: path))
        do {
            _ = try StateStore(path: path)
            Issue.record("a garbage file was opened")
        } catch {
            #expect(error.code == .corrupt)
            #expect(error.message.contains(path))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test func aVersion5StoreMigratesKeepingItsOrdersAndFillsAndThenTakesStopOrders() throws {
        let path = try F.legacyStatePath(
            upTo: "v5",
            more: """
                INSERT INTO fills (trade_id, client_order_id, price_e8, quantity_e8, fee_e8, fee_currency, liquidity, at_ns)
                VALUES ('t-1', 'order-1', 5000000000000, 1000000, 30000000, 'USD', 'MAKER', 2);
                """)
        let store = try StateStore(path: path)
        let kept = try #require(try store.order(ClientOrderID("order-1")))
        #expect(kept.intent.kind == .limit(price: Price("50000")!, postOnly: true))
        #expect(kept.status == .filled && kept.venueOrderID == VenueOrderID("v-1"))
        #expect(try store.fills(since: Timestamp(nanosecondsSinceEpoch: 0)).map(\.fill.tradeID) == [TradeID("t-1")])
        let stop = IntentRecord(
            clientOrderID: ClientOrderID("order-2"), symbol: F.btc, side: .sell, kind: .stop(trigger: Price("48000.5")!),
            quantity: Quantity("0.01")!, cycleID: "cycle-2", decidedAt: F.start)
        try store.recordIntents([stop])
        #expect(try store.order(ClientOrderID("order-2"))?.intent.kind == .stop(trigger: Price("48000.5")!))
    }

    @Test func aDatabaseWithANewerSchemaIsRefusedNotMigrated() throws {
        let path = try F.statePath()
        do { _ = try StateStore(path: path) }
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        do {
            _ = try StateStore(path: path)
            Issue.record("a newer schema was opened")
        } catch {
            #expect(error.code == .newerSchema)
            #expect(error.message.contains("(v99)"))
        }
    }

    @Test func aSecondOpenInTheSameProcessIsRefusedWithTheHoldersPID() throws {
        let path = try F.statePath()
        let first = try StateStore(path: path)
        do {
            _ = try StateStore(path: path)
            Issue.record("the lock was taken twice")
        } catch {
            #expect(error.code == .locked)
            #expect(error.message.contains("process \(getpid())"))
        }
        _ = first
    }
}
