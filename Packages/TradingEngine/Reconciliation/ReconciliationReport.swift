import TraderCore

/// How an engine's book differs from its venue's: each difference typed, with both values.
public struct ReconciliationReport: Hashable, Sendable {
    /// One difference.
    public struct Difference: Hashable, Sendable, CustomStringConvertible {
        /// What differs; the raw values are stable codes.
        public enum Kind: String, CaseIterable, Hashable, Sendable {
            /// A fill at the venue the engine has not booked.
            case missingFill = "missing_fill"
            /// An order working at the venue that the engine did not create (left alone).
            case extraOrder = "extra_order"
            /// The order's state at the venue is not the engine's (a venue that never received it included).
            case orderState = "order_state_differs"
            /// The venue's filled size of the order is not the engine's.
            case filledSize = "filled_size_differs"
            /// The cash held is not the engine's.
            case balance = "balance_differs"
            /// A position (a spot holding) is not the engine's.
            case position = "position_differs"
            /// An order the engine must know about was not looked up: the snapshot is incomplete.
            case unresolved = "unresolved_order"
        }

        /// What differs.
        public let kind: Kind
        /// What it is about: a client order id, a trade id, a currency or a symbol.
        public let subject: String
        /// The engine's value.
        public let engine: String
        /// The venue's value.
        public let venue: String

        /// Creates a difference.
        public init(_ kind: Kind, _ subject: String, engine: String, venue: String) {
            self.kind = kind
            self.subject = subject
            self.engine = engine
            self.venue = venue
        }

        public var description: String { "\(kind.rawValue) \(subject): engine \(engine), venue \(venue)" }
    }

    /// Every difference, orders first, then fills, then balances and positions.
    public let differences: [Difference]

    /// Creates a report.
    public init(differences: [Difference]) {
        self.differences = differences
    }

    /// Whether the engine and the venue agree.
    public var isInSync: Bool { differences.isEmpty }

    /// Whether an order the engine must settle was not looked up, so that its truth is unknown.
    public var isComplete: Bool { !differences.contains { $0.kind == .unresolved } }
}
