import TraderCore

/// The net asset value a cycle saw after its step (at the latest marks), kept as the live run's
/// equity curve.
public struct EquityRecord: Hashable, Sendable {
    /// When (the cycle's time).
    public let at: Timestamp
    /// The net asset value, in the quote currency.
    public let nav: FixedPoint
    /// Whether a position was held.
    public let exposed: Bool

    /// Creates a record.
    public init(at: Timestamp, nav: FixedPoint, exposed: Bool) {
        self.at = at
        self.nav = nav
        self.exposed = exposed
    }
}
