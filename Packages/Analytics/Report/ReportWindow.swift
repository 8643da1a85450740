import TraderCore

/// The instants a report covers: `from..<to`, unbounded where `nil`.
struct ReportWindow {
    let from: Timestamp?
    let to: Timestamp?

    func contains(_ time: Timestamp) -> Bool {
        (from.map { time >= $0 } ?? true) && (to.map { time < $0 } ?? true)
    }
}
