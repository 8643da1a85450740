import Foundation
import LiveRuntime
import TraderConfig
import TraderCore

/// What a session did, as trader-live prints it when it stops.
struct SessionSummary: Encodable {
    let mode: String
    let venue: String
    let runEpoch: Int64
    let cycles: Int
    let failedCycles: Int
    let overruns: Int
    let ordersSent: Int
    let trades: Int
    /// Orders whose end was booked, by final status.
    let ordersEnded: [String: Int]
    /// Of those, the share that ended filled.
    let fillRatio: Double?
    let startNAV: String
    let endNAV: String
    let pnl: String
    let openPositions: Int
    let pendingOrders: Int
    /// Proposals refused by the universe or risk, and risk's halts, by reason code.
    let rejections: [String: Int]
    /// Orders the venue refused, by its reason.
    let venueRefusals: [String: Int]
    /// Start-up reconciliation's differences, by kind.
    let reconciliation: [String: Int]
    /// Reconciliations while running, and the differences they adopted.
    let reconciliations: Int
    let differencesAdopted: Int
    /// Shadow mode: the orders DRY_RUN would have placed against those sent.
    let shadow: Shadow?

    struct Shadow: Encodable {
        let intended: Int
        let sent: Int
        let matched: Int
        let intendedOnly: [String: Int]
        let sentOnly: [String: Int]
        let fills: Int
    }

    init(outcome: LiveNode.Outcome, mode: TradingMode, venue: Venue) {
        let summary = outcome.summary
        self.mode = mode.rawValue
        self.venue = venue.rawValue
        runEpoch = outcome.runEpoch
        cycles = summary.cycles
        failedCycles = summary.failedCycles
        overruns = summary.overruns
        ordersSent = summary.ordersSent
        trades = summary.fillsBooked
        ordersEnded = summary.ordersEnded
        fillRatio = summary.fillRatio
        reconciliations = summary.reconciliations
        differencesAdopted = summary.differencesAdopted
        startNAV = outcome.startNAV.description
        endNAV = outcome.endNAV.description
        pnl = (try? outcome.endNAV.subtracting(outcome.startNAV))?.description ?? "overflow"
        openPositions = summary.openPositions
        pendingOrders = summary.pendingOrders
        rejections = summary.rejections
        venueRefusals = summary.refusals
        reconciliation = outcome.reconciliation.differences.reduce(into: [:]) { $0[$1.kind.rawValue, default: 0] += 1 }
        shadow = summary.shadow.map {
            Shadow(intended: $0.intended, sent: $0.sent, matched: $0.matched, intendedOnly: $0.intendedOnly, sentOnly: $0.sentOnly, fills: $0.fills)
        }
    }

    func render(_ format: SummaryFormat) -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        case .text:
            var lines = [
                "session    \(mode) on \(venue), run \(runEpoch)",
                "cycles     \(cycles) (\(failedCycles) failed closed, \(overruns) overran)",
                "orders     \(ordersSent) sent, \(trades) fills",
                "ended      " + (ordersEnded.isEmpty
                    ? "none"
                    : ordersEnded.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                        + (fillRatio.map { String(format: " (fill ratio %.1f%%)", $0 * 100) } ?? "")),
                "NAV        \(startNAV) -> \(endNAV) (PnL \(pnl))",
                "open       \(openPositions) positions, \(pendingOrders) orders working",
            ]
            lines += Self.table("rejected", rejections)
            lines += Self.table("refused", venueRefusals)
            lines += Self.table("reconciled", reconciliation)
            lines.append("running    \(reconciliations) reconciliations with the venue, \(differencesAdopted) differences adopted")
            if let shadow {
                lines.append("shadow     \(shadow.intended) intended by DRY_RUN, \(shadow.sent) sent, \(shadow.matched) matched, \(shadow.fills) fills")
                lines += Self.table("intended only", shadow.intendedOnly, by: "symbol and side")
                lines += Self.table("sent only", shadow.sentOnly, by: "symbol and side")
            }
            return lines.joined(separator: "\n")
        }
    }

    private static func table(_ title: String, _ counts: [String: Int], by: String = "reason code") -> [String] {
        guard !counts.isEmpty else { return ["\(title.padding(toLength: max(10, title.count), withPad: " ", startingAt: 0)) none"] }
        let width = counts.keys.map(\.count).max() ?? 0
        return ["\(title) (by \(by))"]
            + counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
                "  \($0.key.padding(toLength: width, withPad: " ", startingAt: 0))  \(String($0.value).leftPadded(to: 6))"
            }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
