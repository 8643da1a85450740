import Persistence
import TradingEngine
import TraderCore

/// An engine brought in step with the venue's truth (``TradingEngine/adoptVenueTruth(_:)``), and
/// what the store records of it: the order steps and fills adopted, and each difference as an
/// audit decision. Orders that the adoption ended are handed out of the engine, as a cycle's
/// booking hands them out, so that its state stays bounded.
struct AdoptedTruth {
    /// The differences found (orders the engine did not create among them, left alone).
    let report: ReconciliationReport
    /// Order steps adopted.
    let transitions: [OrderTransitionRecord]
    /// Fills adopted, each with its order.
    let fills: [FillOfOrder]

    /// Compares `engine` with `snapshot` and, when they differ, adopts the venue's truth.
    ///
    /// - Throws: what ``TradingEngine/adoptVenueTruth(_:)`` throws; `engine` is then unchanged.
    init(adopting snapshot: VenueSnapshot, into engine: inout TradingEngine, at time: Timestamp) throws {
        report = engine.reconciliation(with: snapshot)
        guard !report.isInSync else {
            (transitions, fills) = ([], [])
            return
        }
        var adopted = engine
        let applied = try adopted.adoptVenueTruth(snapshot)
        transitions = applied.filter { $0.status != $0.previousStatus }.map {
            OrderTransitionRecord(clientOrderID: $0.clientOrderID, from: $0.previousStatus, to: $0.status, event: "reconcile", at: time)
        }
        fills = applied.flatMap { event in event.fills.map { FillOfOrder(clientOrderID: event.clientOrderID, fill: $0) } }
        for event in applied where event.status.isTerminal { _ = adopted.removeSettledOrder(event.clientOrderID) }
        engine = adopted
    }

    /// The differences as the audit record keeps them.
    var decisions: [AuditRecord.Decision] {
        report.differences.map { AuditRecord.Decision(symbol: $0.subject, outcome: "adopted", code: $0.kind.rawValue, detail: $0.description) }
    }
}
