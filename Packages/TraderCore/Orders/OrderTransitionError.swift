/// An event that an order cannot take in its state. The order is left unchanged; the event is a bug
/// or a venue anomaly to report, never to absorb silently.
public struct OrderTransitionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the event was refused; stable snake_case codes.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The snake_case spelling.
        public let rawValue: String
        /// The transition table has no move for this state and event.
        public static let illegalTransition = Code(rawValue: "illegal_transition")
        /// A fill larger than the remaining quantity.
        public static let overfill = Code(rawValue: "overfill")
        /// A fill whose trade id was already applied.
        public static let duplicateFill = Code(rawValue: "duplicate_fill")
        public var description: String { rawValue }
    }

    /// Why it was refused.
    public let code: Code
    /// The order.
    public let order: ClientOrderID
    /// Its state when the event arrived.
    public let from: Order.Status
    /// The event's kind.
    public let event: Order.Event.Kind

    /// Creates an error.
    public init(_ code: Code, order: ClientOrderID, from: Order.Status, event: Order.Event.Kind) {
        self.code = code
        self.order = order
        self.from = from
        self.event = event
    }

    /// `illegal_transition: order X in filled cannot take cancel`.
    public var description: String { "\(code): order \(order) in \(from.rawValue) cannot take \(event.rawValue)" }
}
