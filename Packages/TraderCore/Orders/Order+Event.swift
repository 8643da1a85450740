extension Order {
    /// What can happen to an order.
    public enum Event: Hashable, Sendable, Codable {
        /// The system sent it to the venue (the intent was committed first).
        case submit
        /// The venue acknowledged it and gave it an id.
        case accept(VenueOrderID)
        /// The venue refused it, or a lookup proved it never arrived.
        case reject(reason: String)
        /// The submit's outcome is unknown (timeout, 5xx, connection reset): only a lookup by client
        /// order id may settle it; it is never re-sent blindly.
        case submitOutcomeUnknown(reason: String)
        /// A (partial) execution.
        case fill(Fill)
        /// The system asked the venue to cancel.
        case requestCancel
        /// The venue refused the cancel (the order was still working, or already done).
        case cancelRejected(reason: String)
        /// The venue cancelled the order (on request, or on its own).
        case cancel
        /// The order's time in force ran out.
        case expire

        /// The event's kind, without its data.
        public var kind: Kind {
            switch self {
            case .submit: .submit
            case .accept: .accept
            case .reject: .reject
            case .submitOutcomeUnknown: .submitOutcomeUnknown
            case .fill: .fill
            case .requestCancel: .requestCancel
            case .cancelRejected: .cancelRejected
            case .cancel: .cancel
            case .expire: .expire
            }
        }

        /// The kinds of ``Order/Event``, for the transition table and errors.
        public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
            case submit, accept, reject
            case submitOutcomeUnknown = "submit_outcome_unknown"
            case fill
            case requestCancel = "request_cancel"
            case cancelRejected = "cancel_rejected"
            case cancel, expire
        }
    }
}
