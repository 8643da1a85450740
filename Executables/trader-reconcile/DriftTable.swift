import Foundation
import TradingEngine

/// The drift trader-reconcile prints: one row a difference (kind, subject, engine, venue).
struct DriftTable {
    let report: ReconciliationReport
    let fixed: Bool

    func render(_ format: TraderReconcile.Format) -> String {
        switch format {
        case .json:
            let object: [String: Any] = [
                "in_sync": report.isInSync, "fixed": fixed && !report.isInSync,
                "differences": report.differences.map { ["kind": $0.kind.rawValue, "subject": $0.subject, "engine": $0.engine, "venue": $0.venue] },
            ]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        case .text:
            guard !report.isInSync else { return "in sync: the store and the venue agree" }
            let header = ["kind", "subject", "engine", "venue"]
            let rows = report.differences.map { [$0.kind.rawValue, $0.subject, $0.engine, $0.venue] }
            let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            let lines = ([header] + rows).map { row in
                row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            }
            let verdict = fixed ? "\(rows.count) differences adopted from the venue" : "\(rows.count) differences: drift"
            return (lines + [verdict]).joined(separator: "\n")
        }
    }
}
