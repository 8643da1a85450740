import Foundation
import Persistence
import Testing
import TradingEngine
import TraderCore

/// The engine's state saved to the state store after a cycle and restored at the next start: the
/// restored engine carries on exactly as one that never stopped, and never sends an order twice.
@Suite struct EngineStateTests {
    private let postOnly = ExecutionPolicy(style: .postOnlyLimit(improvementTicks: 0), strategyID: "t", postOnlyTTL: .seconds(60), maxRequotes: 1)

    private static func encoded(_ state: EngineState) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(state))
    }

    /// Saves `harness`'s engine in a fresh state file as a live node does (``EngineState/encodedJSON()``),
    /// reopens the file, and restores from it.
    private static func restart(_ harness: inout EngineHarness) throws {
        let folder = NSTemporaryDirectory() + "trader-engine-state-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let state = harness.engine.state
        do {
            let store = try StateStore(path: folder + "/state.sqlite")
            try store.saveEngineSnapshot(
                EngineSnapshot(
                    cycle: state.cycle, time: EngineHarness.close(ofBar: harness.bar - 1), format: state.format, payload: try state.encodedJSON()))
        }
        let snapshot = try #require(try StateStore(path: folder + "/state.sqlite").latestEngineSnapshot())
        let restored = try JSONDecoder().decode(EngineState.self, from: Data(snapshot.payload))
        #expect(restored == state)
        harness.engine = try TradingEngine(configuration: harness.engine.configuration, restoring: restored)
    }

    @Test func aRestartBetweenATTLCancelAndItsConfirmationStillRequotesOnceUnderTheNextID() throws {
        var uninterrupted = try EngineHarness(execution: postOnly)
        var restarted = try EngineHarness(execution: postOnly)
        let first = try uninterrupted.placeAndSubmit()
        _ = try restarted.placeAndSubmit()
        #expect(EngineHarness.summary(uninterrupted.step()) == ["cancel t-BTC-USD-BUY-1 post_only_ttl"])
        #expect(EngineHarness.summary(restarted.step()) == ["cancel t-BTC-USD-BUY-1 post_only_ttl"])

        try Self.restart(&restarted)
        #expect(restarted.engine.orders[first.clientOrderID]?.status == .pendingCancel)
        #expect(try Self.encoded(restarted.engine.state) == Self.encoded(uninterrupted.engine.state))

        try uninterrupted.engine.apply(.cancel, to: first.clientOrderID, at: EngineHarness.close(ofBar: 5))
        try restarted.engine.apply(.cancel, to: first.clientOrderID, at: EngineHarness.close(ofBar: 5))
        #expect(EngineHarness.summary(uninterrupted.step()) == ["place t-BTC-USD-BUY-2 0.01"])
        #expect(EngineHarness.summary(restarted.step()) == ["place t-BTC-USD-BUY-2 0.01"])
        #expect(try Self.encoded(restarted.engine.state) == Self.encoded(uninterrupted.engine.state))
    }

    @Test func anOrderLeftUnknownBeforeARestartIsLookedUpAfterItAndNeverSentAgain() throws {
        var harness = try EngineHarness(execution: postOnly)
        let order = try harness.placeAndSubmit(ambiguously: true)
        try Self.restart(&harness)
        #expect(harness.engine.orders[order.clientOrderID]?.status == .unknown)
        #expect(EngineHarness.summary(harness.step()) == ["lookup t-BTC-USD-BUY-1"])
        #expect(EngineHarness.summary(harness.step()) == ["lookup t-BTC-USD-BUY-1"])
    }

    @Test func aRaisedRedFlagAndTheHeldPositionSurviveARestart() throws {
        var harness = try EngineHarness(execution: postOnly)
        let order = try harness.placeAndSubmit()
        let fill = harness.fill("0.01", fee: "0.08")
        try harness.engine.apply(.fill(fill), to: order.clientOrderID, at: fill.time)
        let flag = RedFlag(symbol: EngineHarness.btc, kind: "recent_exploit", raisedAt: EngineHarness.close(ofBar: 4), banHours: 168)
        harness.engine.raiseRedFlag(flag)
        try Self.restart(&harness)
        #expect(harness.engine.universe.redFlags == [flag])
        #expect(harness.engine.universe.bar(EngineHarness.btc, at: EngineHarness.close(ofBar: 6))?.code == "red_flag_ban")
        #expect(harness.engine.portfolio.positions[EngineHarness.btc]?.quantity == Quantity("0.01")!)
        #expect(harness.engine.portfolio.cash == FixedPoint("99999.72")!)
        #expect(harness.engine.riskState.tradeTimes == [EngineHarness.close(ofBar: 5)])
    }

    @Test func stateOfAnotherFormatOrContradictingItselfIsRefused() throws {
        var harness = try EngineHarness(execution: postOnly)
        _ = try harness.placeAndSubmit()
        let json = String(decoding: try Self.encoded(harness.engine.state), as: UTF8.self)
        let configuration = harness.engine.configuration

        let future = try JSONDecoder().decode(EngineState.self, from: Data(json.replacingOccurrences(of: "\"format\":1", with: "\"format\":2").utf8))
        #expect(throws: EngineError(.unsupportedState, "saved engine state has format 2; this version reads 1")) {
            try TradingEngine(configuration: configuration, restoring: future)
        }
        // The engine's copy of the working order removed: the portfolio's has nothing to match.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var orphaned = object
        orphaned["orders"] = [String: Any]()
        let contradicting = try JSONDecoder().decode(EngineState.self, from: try JSONSerialization.data(withJSONObject: orphaned))
        #expect(throws: EngineError(.inconsistentState, "working order t-BTC-USD-BUY-1 is not among the saved engine's orders as it is")) {
            try TradingEngine(configuration: configuration, restoring: contradicting)
        }
    }

    @Test func aRestoredEngineWarmedWithTheStoredCandlesProposesAsOneThatNeverStopped() throws {
        var uninterrupted = try EngineHarness(execution: postOnly)
        var warmed = try EngineHarness(execution: postOnly)
        var cold = try EngineHarness(execution: postOnly)
        for _ in 0..<3 {
            _ = uninterrupted.step()
            _ = warmed.step()
            _ = cold.step()
        }
        try Self.restart(&warmed)
        try Self.restart(&cold)
        for bar in 0..<3 { warmed.engine.warmUp(with: [EngineHarness.btc: EngineHarness.candle(ofBar: bar)]) }
        #expect(warmed.engine.cycle == 3)  // warming decides nothing and counts no cycle
        for _ in 3..<6 {
            let expected = EngineHarness.summary(uninterrupted.step())
            #expect(EngineHarness.summary(warmed.step()) == expected)
            _ = cold.step()
        }
        #expect(try Self.encoded(warmed.engine.state) == Self.encoded(uninterrupted.engine.state))
        // Cold, the restored engine has not seen enough bars for the crossover: it places nothing.
        #expect(cold.engine.orders.isEmpty)
        #expect(!uninterrupted.engine.orders.isEmpty)
    }

    @Test func aStateSavedBeforeTheWhaleDebounceWasKeptStillRestores() throws {
        let harness = try EngineHarness(execution: postOnly)
        var json = try JSONSerialization.jsonObject(with: Data(try Self.encoded(harness.engine.state))) as! [String: Any]
        #expect(json["whale_states"] != nil)
        json["whale_states"] = nil
        let older = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
        let restored = try JSONDecoder().decode(EngineState.self, from: older)
        #expect(restored.whaleStates.isEmpty)
        #expect(restored == harness.engine.state)
    }
}
