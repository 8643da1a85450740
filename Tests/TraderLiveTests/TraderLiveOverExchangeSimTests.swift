import CoinbaseAdapter
import Foundation
import Synchronization
import Persistence
import Testing
import TraderCore
import TraderTestKit

/// trader-live and trader-reconcile as subprocesses against exchange-sim, itself a subprocess
/// replaying real Coinbase BTC-USD hours two a second, over HTTP on 127.0.0.1. What the simulator
/// holds is read from its `/_sim/state`; what the node recorded from its state store.
@Suite(.serialized) struct TraderLiveOverExchangeSimTests {
    /// The node's warm-up: the regime classifier needs about 200 bars before its first verdict.
    static let warmUp = ["--warm-up-bars", "300"]

    /// A node's configuration and an exchange-sim for it, removed after `body`.
    func withVenue(
        speed: Int = 7_200, faults: [String] = [], cancelOnShutdown: Bool = true,
        _ body: (TraderLiveProcess, ExchangeSimProcess) async throws -> Void
    ) async throws {
        let folder = NSTemporaryDirectory() + "exchange-sim-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sim = try ExchangeSimProcess(folder: folder, speed: speed, faults: faults)
        defer { sim.stop() }
        let live = try TraderLiveProcess(coinbase: sim.baseURL, cancelOnShutdown: cancelOnShutdown)
        defer { live.remove() }
        try await body(live, sim)
    }

    /// trader-reconcile on `live`'s configuration: its status and what it printed.
    func reconcile(_ live: TraderLiveProcess, _ arguments: [String], sim: ExchangeSimProcess) async throws -> (status: Int32, said: String) {
        let reconcile = TraderLiveProcess(folder: live.folder, program: "trader-reconcile")
        let status = try await reconcile.run(arguments, environment: try sim.credentialsEnvironment())
        return (status, reconcile.standardOutput + reconcile.standardError)
    }

    /// Every order at the simulator is one the store recorded, none was sent twice, and every fill
    /// the simulator made is in the store.
    func expectNothingDuplicatedOrLost(_ live: TraderLiveProcess, _ sim: ExchangeSimProcess) async throws {
        let state = try await sim.state()
        #expect(state["resubmissions"] as? Int == 0)
        let store = try StateStore(readingOnly: live.statePath)
        let orders = state["orders"] as? [[String: Any]] ?? []
        for order in orders {
            let id = ClientOrderID(order["client_order_id"] as? String ?? "")
            #expect(try store.order(id) != nil, "order \(id) at the simulator is not in the store")
        }
        #expect(try store.fills(since: Timestamp(secondsSinceEpoch: 0)).count == state["fills"] as? Int)
    }

    @Test func aSessionAgainstExchangeSimEndsInStepWithTheVenue() async throws {
        try await withVenue { live, sim in
            #expect(try await live.run(Self.warmUp + ["--max-cycles", "120", "--format", "json"], environment: try sim.credentialsEnvironment()) == 0, "\(live.standardError)")
            let summary = try live.summary()
            #expect(summary["cycles"] as? Int == 120)
            #expect(summary["failed_cycles"] as? Int == 0)
            #expect((summary["orders_sent"] as? Int ?? 0) > 0)
            try await expectNothingDuplicatedOrLost(live, sim)
            let check = try await reconcile(live, ["--format", "json"], sim: sim)
            #expect(check.status == 0, "\(check.said)")
            #expect(check.said.contains("\"in_sync\" : true"))
        }
    }

    @Test func reconcileFindsTheDriftOfAStaleStoreAndFixAdoptsTheVenuesTruth() async throws {
        try await withVenue(cancelOnShutdown: false) { live, sim in
            let environment = try sim.credentialsEnvironment()
            #expect(try await live.run(Self.warmUp + ["--max-cycles", "40"], environment: environment) == 0, "\(live.standardError)")
            let backup = live.folder + "/backup"
            try FileManager.default.createDirectory(atPath: backup, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: live.statePath + suffix) {
                try FileManager.default.copyItem(atPath: live.statePath + suffix, toPath: backup + "/trader.sqlite" + suffix)
            }
            let later = TraderLiveProcess(folder: live.folder)
            #expect(try await later.run(Self.warmUp + ["--max-cycles", "150"], environment: environment) == 0, "\(later.standardError)")
            // The store goes back to the backup: the venue's orders, fills and balances since are drift.
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: live.statePath + suffix)
                if FileManager.default.fileExists(atPath: backup + "/trader.sqlite" + suffix) {
                    try FileManager.default.copyItem(atPath: backup + "/trader.sqlite" + suffix, toPath: live.statePath + suffix)
                }
            }
            let drift = try await reconcile(live, ["--format", "json"], sim: sim)
            #expect(drift.status == 1, "\(drift.said)")
            #expect(drift.said.contains("\"kind\" : \"balance_differs\""))
            #expect(drift.said.contains("\"kind\" : \"position_differs\""))
            let fix = try await reconcile(live, ["--fix"], sim: sim)
            #expect(fix.status == 0, "\(fix.said)")
            #expect(fix.said.contains("differences adopted from the venue"))
            let after = try await reconcile(live, [], sim: sim)
            #expect(after.status == 0, "\(after.said)")
            #expect(after.said.contains("in sync"))
        }
    }

    @Test func fixIsRefusedWhileTheNodeRunsAndSigtermCancelsItsOrdersAtTheVenue() async throws {
        try await withVenue { live, sim in
            try live.start(Self.warmUp + ["--format", "json"], environment: try sim.credentialsEnvironment())
            _ = try #require(try await live.waitForLine(startingWith: "listening health"))
            let fix = try await reconcile(live, ["--fix"], sim: sim)
            #expect(fix.status == 2)
            #expect(fix.said.contains("--fix refused"))
            #expect(try await reconcile(live, [], sim: sim).status != 2)
            try await Task.sleep(for: .seconds(8))
            live.signal(SIGTERM)
            #expect(await live.waitForExit() == 0, "\(live.standardError)")
            let orders = try await sim.state()["orders"] as? [[String: Any]] ?? []
            #expect(!orders.isEmpty)
            #expect(orders.filter { ["OPEN", "PENDING"].contains($0["status"] as? String) }.isEmpty)
            try await expectNothingDuplicatedOrLost(live, sim)
            let check = try await reconcile(live, [], sim: sim)
            #expect(check.status == 0, "\(check.said)")
        }
    }

    /// SIGKILL at seeded random moments, 20 times (`TRADER_KILL_SOAK_KILLS`, with the seed
    /// `TRADER_KILL_SOAK_SEED`: scripts/kill-soak runs hundreds), each followed by a restart; then
    /// a clean bounded session. Nothing is sent twice, no fill is lost, and the store ends in step
    /// with the venue.
    @Test func sigkillAtRandomMomentsNeverDuplicatesAnOrderNorLosesAFill() async throws {
        let kills = ProcessInfo.processInfo.environment["TRADER_KILL_SOAK_KILLS"].flatMap(Int.init) ?? 20
        let seed = ProcessInfo.processInfo.environment["TRADER_KILL_SOAK_SEED"].flatMap(UInt64.init) ?? 21
        try await withVenue { live, sim in
            let environment = try sim.credentialsEnvironment()
            var generator = SeededGenerator(seed: seed)
            for _ in 0..<kills {
                let node = TraderLiveProcess(folder: live.folder)
                try node.start(Self.warmUp, environment: environment)
                _ = try #require(try await node.waitForLine(startingWith: "listening health"), "\(node.standardError)")
                try await Task.sleep(for: .milliseconds(Int.random(in: 100...1_500, using: &generator)))
                node.signal(SIGKILL)
                #expect(await node.waitForExit() == SIGKILL)
            }
            let last = TraderLiveProcess(folder: live.folder)
            #expect(try await last.run(Self.warmUp + ["--max-cycles", "20"], environment: environment) == 0, "\(last.standardError)")
            #expect(!(try await sim.state()["orders"] as? [[String: Any]] ?? []).isEmpty, "the soak placed no order: it proved nothing")
            #expect(try StateStore(readingOnly: live.statePath).runEpochs().count == kills + 1)
            try await expectNothingDuplicatedOrLost(live, sim)
            let check = try await reconcile(live, [], sim: sim)
            #expect(check.status == 0, "\(check.said)")
        }
    }

    @Test func aRestartAfterALostSubmitAnswerFindsTheOrderByLookupAndNeverSendsItAgain() async throws {
        let lost = "kind=drop,method=POST,path=/api/v3/brokerage/orders,after_arrival=true,count=1"
        try await withVenue(faults: [lost]) { live, sim in
            let environment = try sim.credentialsEnvironment()
            try live.start(Self.warmUp, environment: environment)
            // The node records the lost answer (the order `unknown` in the store, read without the
            // lock while it runs); it is killed before any later cycle can settle it.
            var unknown: [StoredOrder] = []
            while unknown.isEmpty {
                #expect(live.isRunning, "trader-live ended before an answer was lost: \(live.standardError)")
                guard live.isRunning else { return }
                try await Task.sleep(for: .milliseconds(5))
                let store = FileManager.default.fileExists(atPath: live.statePath) ? try? StateStore(readingOnly: live.statePath) : nil
                unknown = (try? await store?.unsettledOrders().filter { $0.status == .unknown }) ?? []
            }
            live.signal(SIGKILL)
            #expect(await live.waitForExit() == SIGKILL)
            let order = try #require(unknown.first)
            let restart = TraderLiveProcess(folder: live.folder)
            #expect(try await restart.run(Self.warmUp + ["--max-cycles", "3"], environment: environment) == 0, "\(restart.standardError)")
            let state = try await sim.state()
            #expect(state["resubmissions"] as? Int == 0)
            let atVenue = (state["orders"] as? [[String: Any]] ?? []).filter { $0["client_order_id"] as? String == order.intent.clientOrderID.rawValue }
            #expect(atVenue.count == 1)
            #expect(try StateStore(readingOnly: live.statePath).order(order.intent.clientOrderID)?.status != .unknown)
            try await expectNothingDuplicatedOrLost(live, sim)
        }
    }

    @Test func anIncompleteSnapshotAtStartTakesNoRiskAlertsAndRetries() async throws {
        let accountsDown = "kind=status,status=503,method=GET,path=/api/v3/brokerage/accounts,count=4"
        let received = Mutex<[String]>([])
        let receiver = try LoopbackServer { connection in
            guard let request = connection.readRequest() else { return }
            received.withLock { $0.append(String(decoding: request.body, as: UTF8.self)) }
            connection.respond(200, body: "ok")
        }
        defer { receiver.stop() }
        try await withVenue(faults: [accountsDown]) { live, sim in
            let environment = try sim.credentialsEnvironment().merging(["TRADER_ALERT_WEBHOOK_TEAM": receiver.url("/team")]) { $1 }
            #expect(try await live.run(Self.warmUp + ["--max-cycles", "3"], environment: environment) == 0, "\(live.standardError)")
            let alerts = received.withLock { $0 }
            #expect(alerts.count == 1)
            #expect(alerts.first?.contains("api_failure_burst: start-up reconciliation could not read the venue") == true, "\(alerts)")
            // Nothing was decided before the venue could be read: the start-up record comes first.
            let audit = try StateStore(readingOnly: live.statePath).auditRecords(
                from: Timestamp(secondsSinceEpoch: 0), to: Timestamp(secondsSinceEpoch: 4_000_000_000))
            #expect(audit.map(\.cycleID).prefix(2) == ["startup-\(try StateStore(readingOnly: live.statePath).runEpochs()[0])", "cycle-1"])
        }
    }

    @Test func anOrderTheNodeDidNotCreateIsReportedAndLeftAlone() async throws {
        try await withVenue { live, sim in
            #expect(try await live.run(Self.warmUp + ["--max-cycles", "5"], environment: try sim.credentialsEnvironment()) == 0, "\(live.standardError)")
            #expect(try await reconcile(live, [], sim: sim).status == 0)
            // Someone places an order by hand, far below the market: it rests.
            let adapter = CoinbaseAdapter(
                configuration: CoinbaseConfiguration(
                    baseURL: sim.baseURL,
                    credentials: try CoinbaseCredentials(keyFileJSON: Array(try Data(contentsOf: URL(fileURLWithPath: sim.folder + "/key.json"))))))
            let btc = Symbol(base: "BTC", quote: "USD")
            let bid = try #require(try await adapter.quotes(for: [btc])[btc]).bid
            let price = try Price(bid.value.multiplied(by: FixedPoint("0.5")!, rounding: .down)).rounded(toTick: Price("0.01")!, .down)
            let order = Order(
                clientOrderID: ClientOrderID("by-hand-1"), symbol: btc, side: .buy, kind: .limit(price: price, postOnly: true),
                quantity: Quantity("0.01")!)
            _ = try await adapter.place(order)
            let drift = try await reconcile(live, ["--format", "json"], sim: sim)
            #expect(drift.status == 1)
            #expect(drift.said.contains("\"kind\" : \"extra_order\""))
            #expect(drift.said.contains("by-hand-1"))
            // --fix leaves it alone: it is still there, and still reported.
            #expect(try await reconcile(live, ["--fix"], sim: sim).status == 0)
            #expect(try await adapter.order(OrderReference(order))?.status == .open)
            #expect(try await reconcile(live, [], sim: sim).status == 1)
            try await adapter.cancel(OrderReference(order))
            #expect(try await reconcile(live, [], sim: sim).status == 0)
        }
    }
}
