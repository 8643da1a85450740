extension Order {
    /// The states of an order, modelled on NautilusTrader's order state machine.
    ///
    /// The transition table (`complete` means the fill brings the filled quantity to the order's
    /// quantity; `partial` that something has been filled):
    ///
    /// | from | event | to |
    /// |---|---|---|
    /// | new | submit | submitted |
    /// | submitted, unknown | accept | open |
    /// | submitted, unknown | reject | rejected |
    /// | submitted | submit_outcome_unknown | unknown |
    /// | submitted, unknown, open, partially_filled | fill | filled if complete, else partially_filled |
    /// | open, partially_filled | request_cancel | pending_cancel |
    /// | pending_cancel | fill | filled if complete, else pending_cancel |
    /// | pending_cancel | cancel_rejected | partially_filled if partial, else open |
    /// | submitted, unknown, open, partially_filled, pending_cancel | cancel | cancelled |
    /// | submitted, unknown, open, partially_filled, pending_cancel | expire | expired |
    /// | cancelled, expired | fill (a late report of an earlier execution) | filled if complete, else unchanged |
    ///
    /// Every other pair is illegal. `filled` and `rejected` accept nothing.
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        /// Created, not sent.
        case new
        /// Sent; no answer yet.
        case submitted
        /// The submit's outcome is ambiguous; a lookup by client order id must settle it.
        case unknown
        /// Accepted by the venue and working.
        case open
        /// Working, with part of the quantity filled.
        case partiallyFilled = "partially_filled"
        /// A cancel was requested; fills may still arrive.
        case pendingCancel = "pending_cancel"
        /// Completely filled. Terminal.
        case filled
        /// Cancelled, possibly after partial fills. Terminal, though a late fill report is counted.
        case cancelled
        /// Its time in force ran out. Terminal, though a late fill report is counted.
        case expired
        /// Refused by the venue. Terminal.
        case rejected

        /// Whether the order can no longer work at the venue.
        public var isTerminal: Bool {
            switch self {
            case .filled, .cancelled, .expired, .rejected: true
            default: false
            }
        }

        /// Whether the order may still rest at the venue (and counts as pending exposure).
        public var isWorking: Bool {
            switch self {
            case .submitted, .unknown, .open, .partiallyFilled, .pendingCancel: true
            default: false
            }
        }

        /// The state after `event`, or `nil` when the table has no such move.
        func next(on event: Event.Kind, complete: Bool, partial: Bool) -> Status? {
            switch (self, event) {
            case (.new, .submit): .submitted
            case (.submitted, .accept), (.unknown, .accept): .open
            case (.submitted, .reject), (.unknown, .reject): .rejected
            case (.submitted, .submitOutcomeUnknown): .unknown
            case (.submitted, .fill), (.unknown, .fill), (.open, .fill), (.partiallyFilled, .fill):
                complete ? .filled : .partiallyFilled
            case (.open, .requestCancel), (.partiallyFilled, .requestCancel): .pendingCancel
            case (.pendingCancel, .fill): complete ? .filled : .pendingCancel
            case (.pendingCancel, .cancelRejected): partial ? .partiallyFilled : .open
            case (.submitted, .cancel), (.unknown, .cancel), (.open, .cancel), (.partiallyFilled, .cancel),
                (.pendingCancel, .cancel):
                .cancelled
            case (.submitted, .expire), (.unknown, .expire), (.open, .expire), (.partiallyFilled, .expire),
                (.pendingCancel, .expire):
                .expired
            case (.cancelled, .fill), (.expired, .fill): complete ? .filled : self
            default: nil
            }
        }
    }
}
