/// An exact decimal number with eight fraction digits: a count of 10⁻⁸ units in an `Int64`.
///
/// Range: ±92,233,720,368.54775807, with steps of 0.00000001 (one satoshi). Eight digits hold every
/// increment Coinbase and Interactive Brokers quote; 92 billion holds any notional a small fund
/// meets. Arithmetic never wraps: overflow and division by zero throw ``ArithmeticError``, and every
/// operation that can lose digits takes an explicit `RoundingRule`.
public struct FixedPoint: Hashable, Comparable, Sendable {
    /// The number of fraction digits.
    public static let fractionDigits = 8
    /// 10⁸: the raw count of one whole unit. A literal, so that division by it compiles to a
    /// multiplication.
    @inlinable public static var scale: Int64 { 100_000_000 }

    /// The value in units of 10⁻⁸.
    public let raw: Int64

    /// Creates a value from its count of 10⁻⁸ units.
    @inlinable
    public init(raw: Int64) {
        self.raw = raw
    }

    /// Creates a whole number.
    ///
    /// - Precondition: `integer` is within the range (±92,233,720,368).
    public init(_ integer: Int) {
        let (raw, overflow) = Int64(integer).multipliedReportingOverflow(by: Self.scale)
        precondition(!overflow, "\(integer) is outside FixedPoint's range")
        self.raw = raw
    }

    /// Zero.
    public static let zero = FixedPoint(raw: 0)
    /// The smallest positive value, 0.00000001.
    public static let ulp = FixedPoint(raw: 1)
    /// The largest value.
    public static let max = FixedPoint(raw: .max)
    /// The smallest value. Its negation overflows, so it is `-max`, not `Int64.min`.
    public static let min = FixedPoint(raw: -.max)

    /// Whether the value is below zero.
    public var isNegative: Bool { raw < 0 }
    /// Whether the value is zero.
    @inlinable public var isZero: Bool { raw == 0 }

    /// The nearest `Double`, for statistics and indicators only; never for money.
    public var doubleValue: Double { Double(raw) / Double(Self.scale) }

    @inlinable public static func < (lhs: FixedPoint, rhs: FixedPoint) -> Bool { lhs.raw < rhs.raw }
}
