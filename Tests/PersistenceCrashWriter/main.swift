// A writer for the crash and lock tests: it opens a state store, first settles any order left in
// flight by an earlier run (as a restart would: looked up, never re-sent), then commits cycles
// forever, each an intent and then its outcome, printing a line after every commit that returned.
// The tests SIGKILL it at random moments and check the store against what it printed.
//
// Usage: persistence-crash-writer STATE_FILE FIRST_CYCLE
// Exit codes: 2 when the store cannot be opened (locked, corrupt, newer schema).
import Foundation
import Persistence
import TraderCore

/// Writes a line straight to standard output (no buffer a SIGKILL could lose).
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let arguments = CommandLine.arguments
guard arguments.count == 3, let first = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: persistence-crash-writer STATE_FILE FIRST_CYCLE\n".utf8))
    exit(2)
}
let store: StateStore
do {
    store = try StateStore(path: arguments[1])
} catch {
    FileHandle.standardError.write(Data("persistence-crash-writer: \(error)\n".utf8))
    exit(2)
}

let symbol = Symbol(base: "BTC", quote: "USD")
let usd = Currency(code: "USD")

func settle(_ id: ClientOrderID, cycle: Int) throws {
    let at = Timestamp(secondsSinceEpoch: 1_794_841_200 + Int64(cycle))
    let fill = Fill(
        tradeID: TradeID("trade-\(cycle)"), price: Price(FixedPoint(50_000)), quantity: Quantity(FixedPoint(raw: 1_000_000)),
        fee: Money(FixedPoint(raw: 30_000_000), usd), liquidity: .maker, time: at)
    try store.commitCycle(
        CycleRecord(
            audit: AuditRecord(
                cycleID: "cycle-\(cycle)", at: at, mode: "PAPER", configHash: "crash-test", snapshotSummary: "1 symbol",
                decisions: [.init(symbol: symbol.description, outcome: "approved", code: nil, detail: "crash test")],
                intents: [id.rawValue], latenciesMicroseconds: ["decide": 12]),
            transitions: [
                OrderTransitionRecord(clientOrderID: id, from: .new, to: .submitted, event: "submit", at: at),
                OrderTransitionRecord(
                    clientOrderID: id, from: .submitted, to: .open, event: "accept", venueOrderID: VenueOrderID("venue-\(cycle)"), at: at),
                OrderTransitionRecord(clientOrderID: id, from: .open, to: .filled, event: "fill", at: at),
            ],
            fills: [FillOfOrder(clientOrderID: id, fill: fill)],
            realized: [RealizedPnLRecord(at: at, symbol: symbol, amount: FixedPoint(-1))]))
    report("cycle \(cycle)")
}

do {
    for order in try store.unsettledOrders() {
        try settle(order.intent.clientOrderID, cycle: Int(order.intent.cycleID.dropFirst("cycle-".count))!)
    }
    var cycle = first
    while true {
        let id = ClientOrderID("order-\(cycle)")
        try store.recordIntents([
            OrderIntent(
                clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: Price(FixedPoint(50_000)), postOnly: true),
                quantity: Quantity(FixedPoint(raw: 1_000_000)), cycleID: "cycle-\(cycle)",
                decidedAt: Timestamp(secondsSinceEpoch: 1_794_841_200 + Int64(cycle)))
        ])
        report("intent \(cycle)")
        try settle(id, cycle: cycle)
        cycle += 1
    }
} catch {
    FileHandle.standardError.write(Data("persistence-crash-writer: \(error)\n".utf8))
    exit(1)
}
