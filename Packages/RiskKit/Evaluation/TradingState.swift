/// Whether the bot may open risk: set by the operator, and tightened by the risk layer when a halt
/// or stop trips. The tighter of the two applies.
public enum TradingState: String, CaseIterable, Comparable, Hashable, Sendable, Codable {
    /// Entries and exits.
    case active = "ACTIVE"
    /// Exits only: positions may be reduced, none opened or grown.
    case reducing = "REDUCING"
    /// No new orders at all.
    case halted = "HALTED"

    private var severity: Int {
        switch self {
        case .active: 0
        case .reducing: 1
        case .halted: 2
        }
    }

    /// Whether `lhs` is less restrictive than `rhs`.
    public static func < (lhs: TradingState, rhs: TradingState) -> Bool { lhs.severity < rhs.severity }
}
