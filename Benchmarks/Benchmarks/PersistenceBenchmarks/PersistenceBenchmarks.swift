import Benchmark
import Foundation
import Persistence
import TraderCore

/// Target (issue 4): durable cycle commits at least half the rate of a plain C loop doing the same
/// inserts with sqlite3 directly in the same journal mode (`Benchmarks/sqlite-baseline/run`, on the
/// same file system: this package's `.build` folder).
///
/// One iteration is one engine cycle's two transactions: the order intent, then the outcome (an
/// audit record, three order steps, a fill, a ledger entry), exactly what the C loop does.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], maxDuration: .seconds(5))

    let folder = FileManager.default.currentDirectoryPath + "/.build/persistence-benchmark"
    try? FileManager.default.removeItem(atPath: folder)
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let store = try! StateStore(path: folder + "/state.sqlite")
    let symbol = Symbol(base: "BTC", quote: "USD")
    let usd = Currency(code: "USD")
    nonisolated(unsafe) var cycle = 0

    Benchmark("Durable cycle commit (intent, then outcome)", configuration: .init(timeUnits: .microseconds)) { benchmark in
        for _ in benchmark.scaledIterations {
            cycle += 1
            let at = Timestamp(nanosecondsSinceEpoch: 1_794_841_200_000_000_000 + Int64(cycle) * 1_000_000_000)
            let id = ClientOrderID("order-\(cycle)")
            try! store.recordIntents([
                IntentRecord(
                    clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: Price(FixedPoint(50_000)), postOnly: true),
                    quantity: Quantity(FixedPoint(raw: 1_000_000)), cycleID: "cycle-\(cycle)", decidedAt: at)
            ])
            try! store.commitCycle(
                CycleRecord(
                    audit: AuditRecord(
                        cycleID: "cycle-\(cycle)", at: at, mode: "PAPER", configHash: "abc123", snapshotSummary: "1 symbol, NAV 100000",
                        decisions: [.init(symbol: "BTC-USD", outcome: "approved", code: nil, detail: "momentum breakout")],
                        intents: [id.rawValue], latenciesMicroseconds: ["decide": 41, "risk": 25]),
                    transitions: [
                        .init(clientOrderID: id, from: .new, to: .submitted, event: "submit", at: at),
                        .init(clientOrderID: id, from: .submitted, to: .open, event: "accept", venueOrderID: VenueOrderID("venue-\(cycle)"), at: at),
                        .init(clientOrderID: id, from: .open, to: .filled, event: "fill", at: at),
                    ],
                    fills: [
                        FillOfOrder(
                            clientOrderID: id,
                            fill: Fill(
                                tradeID: TradeID("trade-\(cycle)"), price: Price(FixedPoint(50_000)),
                                quantity: Quantity(FixedPoint(raw: 1_000_000)), fee: Money(FixedPoint(raw: 30_000_000), usd),
                                liquidity: .maker, time: at))
                    ],
                    realized: [RealizedPnLRecord(at: at, symbol: symbol, amount: FixedPoint(-1))]))
        }
    }
}
