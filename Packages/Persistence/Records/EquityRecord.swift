import TraderCore

/// The net asset value a cycle saw after its step (at the latest marks) and what it was exposed
/// to, kept as the live run's equity and exposure curves.
public struct EquityRecord: Hashable, Sendable {
    /// When (the cycle's time).
    public let at: Timestamp
    /// The net asset value, in the quote currency.
    public let nav: FixedPoint
    /// Whether a position was held.
    public let exposed: Bool
    /// By base asset, what its positions and working buys amount to, in the quote currency (as
    /// risk counts exposure); assets without any are left out.
    public let exposures: [String: FixedPoint]

    /// Creates a record.
    public init(at: Timestamp, nav: FixedPoint, exposed: Bool, exposures: [String: FixedPoint] = [:]) {
        self.at = at
        self.nav = nav
        self.exposed = exposed
        self.exposures = exposures
    }
}
