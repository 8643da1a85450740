// Issue 21's figure: the engine's step plus the cycle's store commit for a 100-symbol universe,
// venue I/O excluded. The paper venue replays the real Coinbase BTC-USD hourly bars under 100
// names (the same bars for each: the engine's work does not depend on which market it is); each
// cycle books the venue's reports of the working orders and gathers quotes and bars (not timed),
// then steps the EMA-crossover engine and commits the cycle to a SQLite store in a temporary
// folder: intents, order steps, fills, audit record and the engine's state (timed together), the
// state encoded as a live node encodes it (EngineState.encodedJSON). With --staggered, symbol i
// replays the bars 7 × i hours later, so that the 100 symbols' signals fire in different cycles
// as a real universe's do, rather than all in the same one.
//   CycleCommit CANDLES_CSV CYCLES [--staggered]
import Backtest
import Foundation
import Persistence
import TradingEngine
import TraderCore

let arguments = CommandLine.arguments
guard (3...4).contains(arguments.count), let cycles = Int(arguments[2]), arguments.count == 3 || arguments[3] == "--staggered" else {
    FileHandle.standardError.write(Data("usage: CycleCommit CANDLES_CSV CYCLES [--staggered]\n".utf8))
    exit(2)
}
let staggered = arguments.count == 4
let letters = Array("ABCDEFGHIJ")
let symbols = (0..<100).map { Symbol(base: "X\(letters[$0 / 10])\(letters[$0 % 10])", quote: "USD") }
var configuration = EMACrossoverPreset.configuration(symbol: symbols[0], quantity: Quantity("0.01")!)
let rules = configuration.products[symbols[0]]!
configuration.products = Dictionary(
    uniqueKeysWithValues: symbols.map {
        ($0, ProductRules(
            symbol: $0, baseIncrement: rules.baseIncrement, priceIncrement: rules.priceIncrement, minSize: rules.minSize, maxSize: rules.maxSize,
            minNotional: rules.minNotional, status: rules.status))
    })
let folder = NSTemporaryDirectory() + "cycle-commit-" + UUID().uuidString
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }
/// The candle file of the symbol at `index`: the given one, or a copy shifted 7 × `index` hours.
func candles(of index: Int) throws -> String {
    guard staggered else { return arguments[1] }
    let path = folder + "/\(symbols[index]).csv"
    let lines = try String(contentsOfFile: arguments[1], encoding: .utf8).split(separator: "\n")
    let shifted = lines.dropFirst().map { line in
        let comma = line.firstIndex(of: ",")!
        return "\(Int64(line[..<comma])! + Int64(index) * 7 * 3_600)\(line[comma...])"
    }
    try ([String(lines[0])] + shifted).joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
let clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
let venue = try PaperVenue(
    feed: try HistoricalFeed(sources: symbols.indices.map { .init(symbol: symbols[$0], path: try candles(of: $0)) }),
    products: Array(configuration.products.values), fillModel: EMACrossoverPreset.fillModel, balances: [.usd: FixedPoint(10_000_000)],
    clock: clock)
let store = try StateStore(path: folder + "/state.sqlite")
var engine = try TradingEngine(configuration: configuration, portfolio: Portfolio(currency: .usd, cash: 10_000_000), runEpoch: 1)

var timings: [Double] = []
var parts: (step: [Double], encode: [Double], bytes: [Int]) = ([], [], [])
func micros(_ duration: Duration) -> Double { Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12 }
var sent = 0
for _ in 0..<cycles {
    guard let close = await venue.nextBarClose else { break }
    clock.set(to: close)
    try await venue.advance(to: close)
    var fills: [FillOfOrder] = []
    var transitions: [OrderTransitionRecord] = []
    for id in engine.portfolio.workingOrders.keys.sorted() {
        guard let report = try await venue.order(OrderReference(id)) else { continue }
        let applied = try engine.apply(VenueEvent(status: report, at: close))
        fills += applied.fills.map { FillOfOrder(clientOrderID: id, fill: $0) }
        transitions.append(OrderTransitionRecord(clientOrderID: id, from: applied.previousStatus, to: applied.status, event: "status", at: close))
        if applied.status.isTerminal { _ = engine.removeSettledOrder(id) }
    }
    let quotes = try await venue.quotes(for: symbols)
    var candles: SymbolMap<Candle> = [:]
    for symbol in symbols {
        if let bar = try await venue.candles(for: symbol, interval: .seconds(3_600), in: close.advanced(bySeconds: -3_600)..<close).last {
            candles[symbol] = bar
        }
    }
    let start = ContinuousClock.now
    let outcome = engine.step(MarketSnapshot(time: close, candles: candles, quotes: quotes))
    let orders = outcome.intents.compactMap { if case .place(let order, _) = $0 { order } else { nil } }
    let stepped = ContinuousClock.now
    let state = engine.state
    let payload = try state.encodedJSON()
    parts.step.append(micros(stepped - start))
    parts.encode.append(micros(ContinuousClock.now - stepped))
    parts.bytes.append(payload.count)
    try await store.commitCycle(
        CycleRecord(
            audit: AuditRecord(
                cycleID: "cycle-\(outcome.cycle)", at: close, mode: "PAPER", configHash: "bench", snapshotSummary: "100 symbols", decisions: [],
                intents: orders.map(\.clientOrderID.rawValue), latenciesMicroseconds: [:]),
            intents: orders.map { IntentRecord($0, cycleID: "cycle-\(outcome.cycle)", decidedAt: close) }, transitions: transitions, fills: fills,
            engineSnapshot: EngineSnapshot(cycle: outcome.cycle, time: close, format: state.format, payload: payload)))
    timings.append(micros(ContinuousClock.now - start))
    for order in orders {
        try engine.apply(.submit, to: order.clientOrderID, at: close)
        if case .accepted(let id) = try await venue.place(order) {
            try engine.apply(VenueEvent(clientOrderID: order.clientOrderID, change: .accepted(id), time: close))
        }
        sent += 1
    }
}
let sorted = timings.sorted()
let p50 = sorted[sorted.count / 2]
let p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
print("step + commit, 100 symbols\(staggered ? " (staggered)" : " (the same bars)"), "
    + String(format: "%d cycles, %d orders: p50 %.0f µs, p99 %.0f µs, max %.0f µs", sorted.count, sent, p50, p99, sorted.last ?? 0))
let (steps, encodes) = (parts.step.sorted(), parts.encode.sorted())
print(String(format: "  of which the step p50 %.0f µs p99 %.0f µs; the engine state's JSON (%d KB at p50) p50 %.0f µs p99 %.0f µs; the store's transaction the rest",
    steps[steps.count / 2], steps[steps.count * 99 / 100], parts.bytes.sorted()[parts.bytes.count / 2] / 1_000, encodes[encodes.count / 2],
    encodes[encodes.count * 99 / 100]))
