extension FixedPoint {
    /// The exact sum.
    ///
    /// - Throws: ``ArithmeticError`` `overflow` outside the range.
    public func adding(_ other: FixedPoint) throws(ArithmeticError) -> FixedPoint {
        let (sum, overflow) = raw.addingReportingOverflow(other.raw)
        guard !overflow, sum != .min else { throw ArithmeticError(.overflow, operation: "\(self) + \(other)") }
        return FixedPoint(raw: sum)
    }

    /// The exact difference.
    ///
    /// - Throws: ``ArithmeticError`` `overflow` outside the range.
    public func subtracting(_ other: FixedPoint) throws(ArithmeticError) -> FixedPoint {
        let (difference, overflow) = raw.subtractingReportingOverflow(other.raw)
        guard !overflow, difference != .min else { throw ArithmeticError(.overflow, operation: "\(self) - \(other)") }
        return FixedPoint(raw: difference)
    }

    /// The negation; exact, since the range is symmetric.
    public var negated: FixedPoint { FixedPoint(raw: -raw) }

    /// The absolute value; exact.
    public var magnitude: FixedPoint { FixedPoint(raw: Swift.abs(raw)) }

    /// The product, rounded to eight fraction digits by `rule`.
    ///
    /// - Throws: ``ArithmeticError`` `overflow` outside the range.
    public func multiplied(by other: FixedPoint, rounding rule: FloatingPointRoundingRule) throws(ArithmeticError)
        -> FixedPoint
    {
        let (product, overflow) = raw.multipliedReportingOverflow(by: other.raw)
        if !overflow {
            return FixedPoint(raw: Self.divide(product, by: Self.scale, rounding: rule))
        }
        let wide = Int128(raw) * Int128(other.raw)
        let quotient = Self.divide(wide, by: Int128(Self.scale), rounding: rule)
        guard let result = Int64(exactly: quotient), result != .min else {
            throw ArithmeticError(.overflow, operation: "\(self) × \(other)")
        }
        return FixedPoint(raw: result)
    }

    /// The quotient, rounded to eight fraction digits by `rule`.
    ///
    /// - Throws: ``ArithmeticError`` `division_by_zero` when `divisor` is zero, `overflow` outside
    ///   the range.
    public func divided(by divisor: FixedPoint, rounding rule: FloatingPointRoundingRule) throws(ArithmeticError)
        -> FixedPoint
    {
        guard !divisor.isZero else { throw ArithmeticError(.divisionByZero, operation: "\(self) ÷ 0") }
        let numerator = Int128(raw) * Int128(Self.scale)
        let quotient = Self.divide(numerator, by: Int128(divisor.raw), rounding: rule)
        guard let result = Int64(exactly: quotient), result != .min else {
            throw ArithmeticError(.overflow, operation: "\(self) ÷ \(divisor)")
        }
        return FixedPoint(raw: result)
    }

    /// The nearest multiple of `increment` by `rule` (`.down` for a sell size, `.up` for a
    /// minimum, `.toNearestOrAwayFromZero` for a price), exactly.
    ///
    /// - Throws: ``ArithmeticError`` `division_by_zero` for a zero increment, `overflow` when the
    ///   multiple is outside the range.
    public func rounded(toIncrement increment: FixedPoint, _ rule: FloatingPointRoundingRule) throws(ArithmeticError)
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
    public func isMultiple(of increment: FixedPoint) -> Bool {
        increment.isZero ? isZero : raw % increment.raw == 0
    }

    /// `numerator / denominator` rounded by `rule`; `denominator` is not zero.
    @inline(__always)
    static func divide<Integer: BinaryInteger & SignedNumeric>(
        _ numerator: Integer, by denominator: Integer, rounding rule: FloatingPointRoundingRule
    ) -> Integer {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        guard remainder != 0 else { return quotient }
        let positive = (numerator < 0) == (denominator < 0)
        let awayFromZero: Bool
        switch rule {
        case .towardZero: awayFromZero = false
        case .awayFromZero: awayFromZero = true
        case .down: awayFromZero = !positive
        case .up: awayFromZero = positive
        case .toNearestOrAwayFromZero, .toNearestOrEven:
            let twiceRemainder = remainder.magnitude * 2
            let divisorMagnitude = denominator.magnitude
            if twiceRemainder == divisorMagnitude {
                awayFromZero = rule == .toNearestOrAwayFromZero || quotient % 2 != 0
            } else {
                awayFromZero = twiceRemainder > divisorMagnitude
            }
        @unknown default:
            awayFromZero = false
        }
        guard awayFromZero else { return quotient }
        return positive ? quotient + 1 : quotient - 1
    }
}
