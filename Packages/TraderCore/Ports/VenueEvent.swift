/// One thing a venue reports about an order, as the engine books it
/// (``OrderGateway/events()`` pushes them; a lookup's answer becomes one as a ``Change/status(_:)``).
public struct VenueEvent: Hashable, Sendable {
    /// What happened to the order.
    public enum Change: Hashable, Sendable {
        /// The venue acknowledged the order and gave it an id.
        case accepted(VenueOrderID)
        /// The venue refused the order, or a lookup proved it never arrived.
        case rejected(reason: String)
        /// A (partial) execution.
        case filled(Fill)
        /// The venue cancelled the order (on request, or on its own).
        case cancelled
        /// The order's time in force ran out.
        case expired
        /// The venue refused a cancel (the order was still working, or already done).
        case cancelRejected(reason: String)
        /// No clear answer to a submit: only a lookup by client order id may settle it.
        case outcomeUnknown(reason: String)
        /// The venue's whole view of the order, from a lookup or an open-orders report: the
        /// engine books what it has not seen (acceptance, fills by trade id, the final state).
        indirect case status(VenueOrderReport)
    }

    /// The order, by our id.
    public let clientOrderID: ClientOrderID
    /// What happened.
    public let change: Change
    /// When the venue says it happened (for a status report, when the report was taken).
    public let time: Timestamp

    /// Creates an event.
    public init(clientOrderID: ClientOrderID, change: Change, time: Timestamp) {
        self.clientOrderID = clientOrderID
        self.change = change
        self.time = time
    }

    /// The venue's view of an order, as an event at `time`.
    public init(status report: VenueOrderReport, at time: Timestamp) {
        self.init(clientOrderID: report.clientOrderID, change: .status(report), time: time)
    }

    /// The order event a single change is (`nil` for a status report, which may be several).
    public var orderEvent: Order.Event? {
        switch change {
        case .accepted(let id): .accept(id)
        case .rejected(let reason): .reject(reason: reason)
        case .filled(let fill): .fill(fill)
        case .cancelled: .cancel
        case .expired: .expire
        case .cancelRejected(let reason): .cancelRejected(reason: reason)
        case .outcomeUnknown(let reason): .submitOutcomeUnknown(reason: reason)
        case .status: nil
        }
    }
}
