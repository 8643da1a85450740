import Analytics
import Foundation
import LiveRuntime
import Persistence
import Testing
import TraderCore

/// A state file read back for a report: option round trips in money, one its expiry closed at
/// intrinsic value, and orders without an origin measured at their fill.
@Suite struct LiveRunHistoryTests {
    static let start = Timestamp(secondsSinceEpoch: 1_794_841_200)  // Monday 2026-11-16 15:00 UTC
    static let spy = Symbol(base: "SPY", quote: "USD")
    static let usd = Currency(code: "USD")

    static func audit(_ cycle: String, at time: Timestamp) -> AuditRecord {
        AuditRecord(
            cycleID: cycle, at: time, mode: "PAPER", configHash: "abc", snapshotSummary: "", decisions: [], intents: [], latenciesMicroseconds: [:])
    }

    @Test func anOptionPositionItsExpiryClosedIsARoundTripInMoneyAtIntrinsicValue() throws {
        let folder = NSTemporaryDirectory() + "live-run-history-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/state.sqlite"
        let call = OptionContract(underlying: Self.spy, expiry: "20261120", strike: Price("590")!, right: .call)
        do {
            let store = try StateStore(path: path)
            let entry = IntentRecord(
                clientOrderID: ClientOrderID("buy-1"), instrument: .option(call), side: .buy, kind: .limit(price: Price("1.5")!, postOnly: false),
                quantity: Quantity(2), timeInForce: .day, cycleID: "cycle-1", decidedAt: Self.start,
                origin: OrderOrigin(signal: "whale", regime: .trend, decisionMid: Price("1.45")!))
            let fill = Fill(
                tradeID: TradeID("t-1"), price: Price("1.5")!, quantity: Quantity(2), fee: Money(FixedPoint("1.3")!, Self.usd), liquidity: .taker,
                time: Self.start.advanced(by: .seconds(60)))
            try store.commitCycle(
                CycleRecord(
                    audit: Self.audit("cycle-1", at: Self.start), intents: [entry],
                    equity: EquityRecord(at: Self.start, nav: FixedPoint(100_000), exposed: false)))
            try store.commitCycle(
                CycleRecord(
                    audit: Self.audit("cycle-2", at: Self.start.advanced(by: .seconds(3_600))),
                    transitions: [
                        .init(clientOrderID: ClientOrderID("buy-1"), from: .new, to: .submitted, event: "submit", at: Self.start),
                        .init(clientOrderID: ClientOrderID("buy-1"), from: .submitted, to: .filled, event: "fill", at: fill.time),
                    ],
                    fills: [FillOfOrder(clientOrderID: ClientOrderID("buy-1"), fill: fill)],
                    equity: EquityRecord(
                        at: Self.start.advanced(by: .seconds(3_600)), nav: FixedPoint("99998.7")!, exposed: true, exposures: ["SPY": FixedPoint(290)])))
            let expiry = OptionExpiryRecord(at: Self.start.advanced(by: .seconds(4 * 86_400)), contract: call, quantity: Quantity(2), intrinsicValue: Price("0.4")!)
            try store.commitCycle(
                CycleRecord(
                    audit: Self.audit("cycle-3", at: expiry.at), optionExpiries: [expiry],
                    equity: EquityRecord(at: expiry.at, nav: FixedPoint("99778.7")!, exposed: false)))
        }
        let history = try LiveRunHistory(statePath: path)
        let trip = try #require(history.roundTrips.first)
        #expect(history.roundTrips.count == 1)
        // 200 shares (2 contracts × 100) bought at 1.50 against a mid of 1.45, worth 0.40 at expiry.
        #expect(trip.symbol == Self.spy && trip.signal == "whale" && trip.quantity == Quantity(200))
        #expect(trip.exitPrice == Price("0.4")! && trip.exitTime == Self.start.advanced(by: .seconds(4 * 86_400)))
        #expect(trip.attribution.edge == FixedPoint(-210))  // (0.40 − 1.45) × 200
        #expect(trip.attribution.entrySlippage == FixedPoint(-10))  // (1.45 − 1.50) × 200
        #expect(trip.attribution.exitSlippage == .zero)
        #expect(trip.attribution.net == FixedPoint("-221.3")!)  // the NAV's fall, to the cent
        #expect(history.fills.count == 1)  // the expiry is no venue fill
        #expect(history.orders.isEmpty)  // option orders are not matched with a backtest's
        let report = try history.report(from: nil, to: nil)
        #expect(report.metrics.finalEquity == FixedPoint("99778.7")!)
        #expect(report.feesOutsideRoundTrips == .zero)
        // Exposure in % of each cycle's NAV: the calls marked at 1.45 × 200 after the fill.
        #expect(history.exposure.assets == ["SPY"])
        #expect(history.exposure.points.map(\.percents) == [[0], [290 / 99_998.7 * 100], [0]])
        #expect(history.periodsPerYear == 365.0 * 86_400 / 342_000)  // a year over the median gap, the upper of two
    }
}
