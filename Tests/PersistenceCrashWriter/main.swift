// A writer for the crash and lock tests: it opens a state store and commits cycles forever, each
// one transaction as a live cycle is: the fill that settles the order sent in the cycle before (or,
// in a run's first cycle, every order an earlier run left in flight: looked up, never re-sent),
// the cycle's own new intent, its audit record and its engine snapshot. It prints a line after
// every commit that returned. The tests SIGKILL it at random moments and check the store against
// what it printed.
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

/// The steps and the fill that settle `id`, the order of cycle `number`.
func settlement(of id: ClientOrderID, number: Int) -> (transitions: [OrderTransitionRecord], fill: FillOfOrder) {
    let at = Timestamp(secondsSinceEpoch: 1_794_841_200 + Int64(number))
    let fill = Fill(
        tradeID: TradeID("trade-\(number)"), price: Price(FixedPoint(50_000)), quantity: Quantity(FixedPoint(raw: 1_000_000)),
        fee: Money(FixedPoint(raw: 30_000_000), usd), liquidity: .maker, time: at)
    let transitions = [
        OrderTransitionRecord(clientOrderID: id, from: .new, to: .submitted, event: "submit", at: at),
        OrderTransitionRecord(
            clientOrderID: id, from: .submitted, to: .open, event: "accept", venueOrderID: VenueOrderID("venue-\(number)"), at: at),
        OrderTransitionRecord(clientOrderID: id, from: .open, to: .filled, event: "fill", at: at),
    ]
    return (transitions, FillOfOrder(clientOrderID: id, fill: fill))
}

do {
    var inFlight = try store.unsettledOrders().map { ($0.intent.clientOrderID, Int($0.intent.cycleID.dropFirst("cycle-".count))!) }
    var cycle = first
    while true {
        let at = Timestamp(secondsSinceEpoch: 1_794_841_200 + Int64(cycle))
        let id = ClientOrderID("order-\(cycle)")
        let settled = inFlight.map { settlement(of: $0.0, number: $0.1) }
        try store.commitCycle(
            CycleRecord(
                audit: AuditRecord(
                    cycleID: "cycle-\(cycle)", at: at, mode: "PAPER", configHash: "crash-test", snapshotSummary: "1 symbol",
                    decisions: [.init(symbol: symbol.description, outcome: "approved", code: nil, detail: "crash test")],
                    intents: [id.rawValue], latenciesMicroseconds: ["decide": 12]),
                intents: [
                    IntentRecord(
                        clientOrderID: id, symbol: symbol, side: .buy, kind: .limit(price: Price(FixedPoint(50_000)), postOnly: true),
                        quantity: Quantity(FixedPoint(raw: 1_000_000)), cycleID: "cycle-\(cycle)", decidedAt: at)
                ],
                transitions: settled.flatMap(\.transitions), fills: settled.map(\.fill),
                realized: settled.map { _ in RealizedPnLRecord(at: at, symbol: symbol, amount: FixedPoint(-1)) },
                engineSnapshot: EngineSnapshot(cycle: cycle, time: at, format: 1, payload: Array("next-order \(cycle + 1)".utf8))))
        report("cycle \(cycle)")
        // The cycle's order is "sent" now; the next cycle books its fill.
        inFlight = [(id, cycle)]
        cycle += 1
    }
} catch {
    FileHandle.standardError.write(Data("persistence-crash-writer: \(error)\n".utf8))
    exit(1)
}
