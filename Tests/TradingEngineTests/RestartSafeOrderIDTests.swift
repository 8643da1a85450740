import Foundation
import Persistence
import Testing
import TradingEngine
import TraderCore

/// Client order ids are never reissued: not after a crash between a cycle's intents and the
/// engine's snapshot (the engine restarts from the older snapshot, its sequence behind the ids
/// stored), and not from a fresh state file. Each run's epoch, from the store, is part of every
/// id; the store's unique key on client order ids is the witness.
@Suite struct RestartSafeOrderIDTests {
    private let postOnly = ExecutionPolicy(style: .postOnlyLimit(improvementTicks: 0), strategyID: "t", postOnlyTTL: .seconds(60))
    private let start = Timestamp(secondsSinceEpoch: 1_796_000_000)

    private static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "trader-order-ids-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    private func intent(_ order: Order) -> IntentRecord {
        IntentRecord(
            clientOrderID: order.clientOrderID, symbol: order.symbol, side: order.side, kind: order.kind, quantity: order.quantity,
            cycleID: "cycle-\(order.clientOrderID)", decidedAt: start)
    }

    @Test func aRestartFromASnapshotOlderThanTheStoredIntentsIssuesNewIds() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try StateStore(path: folder + "/state.sqlite")
        let firstEpoch = try store.beginRun(at: start)
        var firstRun = try EngineHarness(execution: postOnly, runEpoch: firstEpoch)
        let beforeTheOrder = firstRun.engine.state
        let first = try firstRun.stepUntilAnOrder()
        try store.recordIntents([intent(first)])
        // The process dies here: the intent is stored, the snapshot after it is not.

        let secondEpoch = try store.beginRun(at: start)  // the same clock second: the epoch still moves on
        #expect(secondEpoch == firstEpoch + 1)
        var secondRun = try EngineHarness(execution: postOnly, runEpoch: secondEpoch)
        secondRun.engine = try TradingEngine(configuration: secondRun.engine.configuration, restoring: beforeTheOrder, runEpoch: secondEpoch)
        let second = try secondRun.stepUntilAnOrder()
        #expect(first.clientOrderID == ClientOrderID("t-BTC-USD-BUY-e1796000000-1"))
        #expect(second.clientOrderID == ClientOrderID("t-BTC-USD-BUY-e1796000001-1"))
        try store.recordIntents([intent(second)])  // a reused id would be refused here (`constraint`)
        #expect(try store.unsettledOrders().map(\.intent.clientOrderID) == [first.clientOrderID, second.clientOrderID])
    }

    @Test func aFreshStateFileStartsAnEpochNoEarlierRunUsed() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let old = try StateStore(path: folder + "/old.sqlite")
        let oldEpoch = try old.beginRun(at: start)
        let fresh = try StateStore(path: folder + "/fresh.sqlite")
        let freshEpoch = try fresh.beginRun(at: start.advanced(bySeconds: 5))
        #expect(freshEpoch == oldEpoch + 5)
        var oldRun = try EngineHarness(execution: postOnly, runEpoch: oldEpoch)
        var freshRun = try EngineHarness(execution: postOnly, runEpoch: freshEpoch)
        #expect(try oldRun.stepUntilAnOrder().clientOrderID != freshRun.stepUntilAnOrder().clientOrderID)
    }

    @Test func epochsOnOneStoreOnlyGrowEvenWhenTheClockStepsBack() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try StateStore(path: folder + "/state.sqlite")
        #expect(try store.beginRun(at: start) == 1_796_000_000)
        #expect(try store.beginRun(at: start.advanced(bySeconds: -3_600)) == 1_796_000_001)
        #expect(try store.beginRun(at: start.advanced(bySeconds: 60)) == 1_796_000_060)
        #expect(try store.runEpochs() == [1_796_000_000, 1_796_000_001, 1_796_000_060])
    }
}
