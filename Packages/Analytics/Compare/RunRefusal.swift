import TraderCore

/// A reason a run did not trade, at one decision: a halt, a refusal by the universe or risk, a
/// suppressed trigger, or a cycle without a trade. `compare` names with it why a live run missed a
/// trade its backtest made.
public struct RunRefusal: Hashable, Sendable {
    /// What refused, in the order `compare` prefers them within one cycle: a halt stops every
    /// trade, a rejection refused a proposal, a suppression a trigger before it became one, and a
    /// cycle without a trade says only that.
    public enum Kind: Int, Comparable, Sendable {
        case halt, rejection, suppression, noTrade

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// When.
    public let time: Timestamp
    /// The symbol it concerns; `nil` for every symbol (a halt, a cycle without a trade).
    public let symbol: Symbol?
    /// The reason code (`kill_switch_engaged`, `asset_exposure_cap`, `regime_unknown`, ...).
    public let code: String
    /// What refused.
    public let kind: Kind

    /// Creates a refusal.
    public init(time: Timestamp, symbol: Symbol?, code: String, kind: Kind) {
        self.time = time
        self.symbol = symbol
        self.code = code
        self.kind = kind
    }
}
