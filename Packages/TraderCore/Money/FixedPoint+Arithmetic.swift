extension FixedPoint {
    /// The exact sum.
    ///
    /// - Throws: ``ArithmeticError`` `overflow` outside the range.
    @inlinable
    public func adding(_ other: FixedPoint) throws(ArithmeticError) -> FixedPoint {
        let (sum, overflow) = raw.addingReportingOverflow(other.raw)
        guard !overflow, sum != .min else { throw Self.overflow(self, "+", other) }
        return FixedPoint(raw: sum)
    }

    /// The exact difference.
    ///
    /// - Throws: ``ArithmeticError`` `overflow` outside the range.
    @inlinable
    public func subtracting(_ other: FixedPoint) throws(ArithmeticError) -> FixedPoint {
        let (difference, overflow) = raw.subtractingReportingOverflow(other.raw)
        guard !overflow, difference != .min else { throw Self.overflow(self, "-", other) }
        return FixedPoint(raw: difference)
    }

    /// The negation; exact, since the range is symmetric.
    @inlinable
    public var negated: FixedPoint { FixedPoint(raw: -raw) }

    /// The absolute value; exact.
    @inlinable
    public var magnitude: FixedPoint { FixedPoint(raw: Swift.abs(raw)) }

    /// The product, rounded to eight fraction digits by `rule`.
    ///
    /// - Throws: ``ArithmeticError`` `overflow` outside the range.
    @inlinable
    public func multiplied(by other: FixedPoint, rounding rule: RoundingRule) throws(ArithmeticError)
        -> FixedPoint
    {
        let (product, overflow) = raw.multipliedReportingOverflow(by: other.raw)
        guard overflow else { return FixedPoint(raw: Self.divide(product, by: Self.scale, rounding: rule)) }
        return try widelyMultiplied(by: other, rounding: rule)
    }

    /// ``multiplied(by:rounding:)`` for a product beyond 64 bits. Out of line, so that the common
    /// case stays small enough to inline, where the scale and the rounding rule are constants.
    @usableFromInline @inline(never)
    func widelyMultiplied(by other: FixedPoint, rounding rule: RoundingRule) throws(ArithmeticError) -> FixedPoint {
        let wide = Int128(raw) * Int128(other.raw)
        let quotient = Self.divide(wide, by: Int128(Self.scale), rounding: rule)
        guard let result = Int64(exactly: quotient), result != .min else {
            throw Self.overflow(self, "×", other)
        }
        return FixedPoint(raw: result)
    }

    /// The quotient, rounded to eight fraction digits by `rule`.
    ///
    /// - Throws: ``ArithmeticError`` `division_by_zero` when `divisor` is zero, `overflow` outside
    ///   the range.
    @inlinable
    public func divided(by divisor: FixedPoint, rounding rule: RoundingRule) throws(ArithmeticError)
        -> FixedPoint
    {
        guard !divisor.isZero else { throw ArithmeticError(.divisionByZero, operation: "\(self) ÷ 0") }
        let numerator = Int128(raw) * Int128(Self.scale)
        let quotient = Self.divide(numerator, by: Int128(divisor.raw), rounding: rule)
        guard let result = Int64(exactly: quotient), result != .min else {
            throw Self.overflow(self, "÷", divisor)
        }
        return FixedPoint(raw: result)
    }

    /// `self × factor ÷ divisor` with one rounding and a 128-bit intermediate: for pro-rata shares
    /// (the cost basis of part of a position) that must neither overflow midway nor round twice.
    ///
    /// - Throws: ``ArithmeticError`` `division_by_zero` when `divisor` is zero, `overflow` when the
    ///   result is outside the range.
    @inlinable
    public func multiplied(by factor: FixedPoint, dividedBy divisor: FixedPoint, rounding rule: RoundingRule)
        throws(ArithmeticError) -> FixedPoint
    {
        guard !divisor.isZero else { throw ArithmeticError(.divisionByZero, operation: "\(self) × \(factor) ÷ 0") }
        let quotient = Self.divide(Int128(raw) * Int128(factor.raw), by: Int128(divisor.raw), rounding: rule)
        guard let result = Int64(exactly: quotient), result != .min else {
            throw ArithmeticError(.overflow, operation: "\(self) × \(factor) ÷ \(divisor)")
        }
        return FixedPoint(raw: result)
    }

    /// The nearest multiple of `increment` by `rule` (`.down` for a sell size, `.up` for a
    /// minimum, `.toNearestOrAwayFromZero` for a price), exactly.
    ///
    /// - Throws: ``ArithmeticError`` `division_by_zero` for a zero increment, `overflow` when the
    ///   multiple is outside the range.
    @inlinable
    public func rounded(toIncrement increment: FixedPoint, _ rule: RoundingRule) throws(ArithmeticError)
        -> FixedPoint
    {
        let step = increment.raw.magnitude
        guard step != 0 else { throw ArithmeticError(.divisionByZero, operation: "\(self) rounded to increment 0") }
        guard step <= UInt64(Int64.max) else { return try rounded(toIncrement: increment.magnitude, rule) }
        let steps = Self.divide(raw, by: Int64(step), rounding: rule)
        let (result, overflow) = steps.multipliedReportingOverflow(by: Int64(step))
        guard !overflow, result != .min else {
            throw ArithmeticError(.overflow, operation: "\(self) rounded to increment \(increment)")
        }
        return FixedPoint(raw: result)
    }

    /// Whether the value is a whole multiple of `increment` (a zero increment admits only zero).
    @inlinable
    public func isMultiple(of increment: FixedPoint) -> Bool {
        increment.isZero ? isZero : raw % increment.raw == 0
    }

    /// `numerator / denominator` rounded by `rule`; `denominator` is not zero. Concrete (not
    /// generic) so that it compiles to native division in every client.
    @inlinable
    static func divide(_ numerator: Int64, by denominator: Int64, rounding rule: RoundingRule) -> Int64 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard remainder != 0 else { return quotient }
        let positive = (numerator < 0) == (denominator < 0)
        let twiceRemainder = remainder.magnitude &* 2  // |remainder| < |denominator| ≤ 2⁶³: no overflow
        let half = twiceRemainder == denominator.magnitude ? 0 : twiceRemainder > denominator.magnitude ? 1 : -1
        guard roundsAwayFromZero(rule, positive: positive, halfComparison: half, quotientIsOdd: quotient & 1 != 0)
        else { return quotient }
        return positive ? quotient + 1 : quotient - 1
    }

    /// The 128-bit twin of ``divide(_:by:rounding:)-(Int64,_,_)`` for products and quotients that
    /// need more than 64 bits on the way.
    @inlinable
    static func divide(_ numerator: Int128, by denominator: Int128, rounding rule: RoundingRule) -> Int128 {
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        guard remainder != 0 else { return quotient }
        let positive = (numerator < 0) == (denominator < 0)
        let twiceRemainder = remainder.magnitude &* 2  // |remainder| < |denominator| ≤ 2¹²⁷: no overflow
        let half = twiceRemainder == denominator.magnitude ? 0 : twiceRemainder > denominator.magnitude ? 1 : -1
        guard roundsAwayFromZero(rule, positive: positive, halfComparison: half, quotientIsOdd: quotient & 1 != 0)
        else { return quotient }
        return positive ? quotient + 1 : quotient - 1
    }

    /// Whether an inexact quotient moves one step away from zero under `rule`. `halfComparison` is
    /// the remainder against half the divisor: -1 below, 0 exactly half, 1 above.
    @inlinable
    static func roundsAwayFromZero(
        _ rule: RoundingRule, positive: Bool, halfComparison: Int, quotientIsOdd: Bool
    ) -> Bool {
        switch rule {
        case .towardZero: false
        case .awayFromZero: true
        case .down: !positive
        case .up: positive
        case .toNearestOrAwayFromZero: halfComparison >= 0
        case .toNearestOrEven: halfComparison > 0 || (halfComparison == 0 && quotientIsOdd)
        }
    }

    /// The `overflow` error of `lhs operation rhs`. Out of line: built inside the arithmetic, its
    /// text would make each operation too large to inline where it is used.
    @usableFromInline @inline(never)
    static func overflow(_ lhs: FixedPoint, _ operation: String, _ rhs: FixedPoint) -> ArithmeticError {
        ArithmeticError(.overflow, operation: "\(lhs) \(operation) \(rhs)")
    }
}
