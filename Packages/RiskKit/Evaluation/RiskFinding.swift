import TraderCore

/// One decision of the risk layer with the numbers behind it: the reason code, the limit and the
/// value that met it, and a sentence for people. An `Error` so that sizing APIs can return it in a
/// `Result`; the engine reports findings as data, never by throwing.
public struct RiskFinding: Error, Hashable, Sendable, CustomStringConvertible {
    /// The unit of ``limit`` and ``value``.
    public enum Unit: String, Hashable, Sendable, Codable {
        /// % of NAV (or of a period's opening NAV for loss stops, of peak NAV for drawdown).
        case percentOfNAV = "pct_nav"
        /// An amount in the portfolio's (quote) currency.
        case quote
        /// A count of trades, positions, errors or requests.
        case count
        /// Seconds.
        case seconds
        /// Basis points of mid.
        case basisPoints = "bps"
        /// A percentage of something other than NAV (error rates).
        case percent = "pct"
        /// No numbers apply (a switch, a status).
        case none
    }

    /// The stable reason code.
    public let code: RiskReasonCode
    /// The limit that applied.
    public let limit: FixedPoint
    /// The value that met it.
    public let value: FixedPoint
    /// The unit of both.
    public let unit: Unit
    /// What happened, for people.
    public let detail: String

    /// Creates a finding.
    public init(_ code: RiskReasonCode, limit: FixedPoint = .zero, value: FixedPoint = .zero, unit: Unit = .none, detail: String) {
        self.code = code
        self.limit = limit
        self.value = value
        self.unit = unit
        self.detail = detail
    }

    public var description: String {
        unit == .none ? "\(code.rawValue): \(detail)" : "\(code.rawValue): \(detail) (limit \(limit) \(unit.rawValue), value \(value))"
    }
}
