import Foundation
import Persistence
import RiskKit
import Testing
import TraderCore
import TraderTestKit

/// trader-live and trader-reconcile as subprocesses against `exchange-sim --venue ibkr` (IB's socket
/// protocol on 127.0.0.1), itself replaying real SPY hours of 1998: the shipped strategy on SPY,
/// the node on the gateway's clock.
@Suite(.serialized) struct TraderLiveOverIBKRTests {
    @Test func aPaperSessionAgainstTheGatewaySimulatorEndsInStepWithIt() async throws {
        let gateway = try IBKRGatewayProcess(speed: 7_200, warmup: 400)
        defer { gateway.stop() }
        let live = try TraderLiveProcess(ibkrPort: gateway.port)
        defer { live.remove() }
        #expect(try await live.run(["--warm-up-bars", "300", "--max-cycles", "30", "--format", "json"]) == 0, "\(live.standardError)")
        let summary = try live.summary()
        #expect(summary["cycles"] as? Int == 30)
        #expect(summary["failed_cycles"] as? Int == 0)
        let store = try StateStore(readingOnly: live.statePath)
        #expect(try store.runEpochs().count == 1)
        let reconcile = TraderLiveProcess(folder: live.folder, program: "trader-reconcile")
        let status = try await reconcile.run(["--format", "json"])
        #expect(status == 0, "\(reconcile.standardOutput + reconcile.standardError)")
        #expect(reconcile.standardOutput.contains("\"in_sync\" : true"))
    }
}

/// The options bot (`config/examples/ibkr`) as trader-live runs it against the gateway simulator
/// replaying real SPY and AAPL hours of 1998 over several sessions: what it may and may not do,
/// checked on everything it recorded. (In the serialized suite: one gateway session at a time.)
extension TraderLiveOverIBKRTests {
    @Test func theOptionsBotBuysWeekliesOnlyInRegularHoursWithinItsRiskAndStopsALosingDay() async throws {
        let gateway = try IBKRGatewayProcess(speed: 7_200, warmup: 400, symbols: ["spy", "aapl"])
        defer { gateway.stop() }
        let live = try TraderLiveProcess(ibkrExample: gateway.port, symbols: ["SPY", "AAPL"]) { policy in
            // Any losing exit stops the day's entries; the simulator's spread (4 %, at least 0.05) on
            // 1998's cheap premiums (AAPL near 30 dollars) is let through.
            policy = policy.replacingOccurrences(of: "max_daily_loss_pct: 2 ", with: "max_daily_loss_pct: 0.1 ")
                .replacingOccurrences(of: "max_spread_bps: 500 ", with: "max_spread_bps: 2000 ")
        }
        defer { live.remove() }
        #expect(try await live.run(["--warm-up-bars", "300", "--max-cycles", "80", "--format", "json"]) == 0, "\(live.standardError)")
        let summary = try live.summary()
        #expect(summary["cycles"] as? Int == 80)
        #expect(summary["failed_cycles"] as? Int == 0)

        let store = try StateStore(readingOnly: live.statePath)
        let sessions = try #require(ExchangeSessions.nyse())
        let audits = try store.auditRecords(from: Timestamp(secondsSinceEpoch: 0), to: Timestamp(secondsSinceEpoch: 4_000_000_000))
        var entries = 0
        var filledExits: [String: Int] = [:]
        var stoppedDays: [Int: Timestamp] = [:]
        // The first cycle of each New York day that the daily loss stop refused entries in.
        for audit in audits where audit.decisions.contains(where: { $0.code == "daily_loss_limit" }) {
            let day = sessions.localDate(of: audit.at)
            stoppedDays[day] = min(stoppedDays[day] ?? audit.at, audit.at)
        }
        for audit in audits {
            let nav = audit.snapshotSummary.components(separatedBy: "; nav ").last.flatMap { FixedPoint($0) }
            for id in audit.intents {
                let intent = try #require(try store.order(ClientOrderID(id))).intent
                guard case .option(let contract) = intent.instrument else {
                    Issue.record("\(id) is not an option order: \(intent.instrument)")
                    continue
                }
                guard intent.side == .buy else {
                    // An exit of a native bracket: a take-profit limit or a stop-loss stop.
                    if try store.order(ClientOrderID(id))?.status == .filled {
                        if case .stop = intent.kind { filledExits["stop_loss", default: 0] += 1 } else { filledExits["take_profit", default: 0] += 1 }
                    }
                    continue
                }
                entries += 1
                // A weekly, bought in the regular session, on a day the loss guard had not stopped yet.
                let day = sessions.localDate(of: intent.decidedAt)
                let daysOut = OptionDays.between(day, contract.expiryDate)
                #expect((1...9).contains(daysOut), "\(id): \(contract) is \(daysOut) days out on \(day)")
                #expect(sessions.isOpen(at: intent.decidedAt), "\(id) decided at \(intent.decidedAt), outside the session")
                if let stop = stoppedDays[day] { #expect(intent.decidedAt < stop, "\(id) bought after the day's loss stop") }
                // Sized by 1 % of NAV at risk with the stop at half the premium, within the tier's 5 %.
                guard case .limit(let premium, _) = intent.kind, let nav else {
                    Issue.record("\(id): \(intent.kind), NAV \(String(describing: nav))")
                    continue
                }
                let outlay = try premium.value.multiplied(by: intent.quantity.value, rounding: .up).multiplied(by: FixedPoint(100), rounding: .up)
                let budget = try nav.multiplied(by: FixedPoint(1), dividedBy: FixedPoint(100), rounding: .down)
                #expect(intent.quantity == Quantity(FixedPoint(1)) || FixedPoint(raw: outlay.raw / 2) <= budget, "\(id): \(outlay) outlay, NAV \(nav)")
                #expect(outlay <= (try nav.multiplied(by: FixedPoint(5), dividedBy: FixedPoint(100), rounding: .down)), "\(id): \(outlay) above 5 % of \(nav)")
            }
        }
        let codes = Dictionary(audits.flatMap(\.decisions).map { ("\($0.outcome) \($0.code ?? "")", 1) }, uniquingKeysWith: +)
        #expect(entries > 0, "no entry; the decisions were \(codes.sorted { $0.key < $1.key })")
        // Each entry went out as IB's native bracket, whose exits closed positions at the venue, and
        // losing days were stopped (the policy stops a day at 0.1 %).
        #expect(codes["protected native_bracket"] == entries, "the decisions were \(codes.sorted { $0.key < $1.key })")
        #expect(filledExits["stop_loss", default: 0] > 0 && filledExits["take_profit", default: 0] > 0, "exits filled: \(filledExits)")
        #expect(!stoppedDays.isEmpty, "no day was stopped; the decisions were \(codes.sorted { $0.key < $1.key })")

        // The report's round trips are the positions the exits (and expiries) closed, in money
        // (contracts × 100): with nothing left open, they and the fees outside them are the
        // session's PnL to the last cent.
        let report = try BuiltProgram.run("trader-report", [live.statePath, "--format", "json"])
        #expect(report.status == 0, "\(report.standardError)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: Any])
        #expect(((metrics["trades"] as? [String: Any])?["trades"] as? Int ?? 0) >= filledExits.values.reduce(0, +))
        if summary["open_positions"] as? Int == 0 {
            let net = try #require(FixedPoint((metrics["attribution"] as? [String: String])?["net"] ?? ""))
            let outside = try #require(FixedPoint(json["fees_outside_round_trips"] as? String ?? ""))
            #expect(try net.subtracting(outside) == FixedPoint(summary["pnl"] as? String ?? ""), "\(report.standardOutput)")
        }

        let reconcile = TraderLiveProcess(folder: live.folder, program: "trader-reconcile")
        #expect(try await reconcile.run(["--format", "json"]) == 0, "\(reconcile.standardOutput + reconcile.standardError)")
        #expect(reconcile.standardOutput.contains("\"in_sync\" : true"))
    }
}

/// Calendar days between two dates `YYYYMMDD`.
enum OptionDays {
    static func between(_ from: Int, _ to: Int) -> Int {
        func days(_ date: Int) -> Int64 { ISO8601Format.daysFromCivil(year: date / 10_000, month: date / 100 % 100, day: date % 100) }
        return Int(days(to) - days(from))
    }
}
