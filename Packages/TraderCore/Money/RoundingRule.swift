/// How an inexact fixed-point result becomes exact: the cases of the standard library's
/// `RoundingRule`, in a type of this module so that it passes as a plain byte (the
/// standard library's is resilient and costs a value-witness call per use on a hot path).
public enum RoundingRule: Hashable, Sendable, CaseIterable {
    /// Toward negative infinity.
    case down
    /// Toward positive infinity.
    case up
    /// Toward zero (truncation).
    case towardZero
    /// Away from zero.
    case awayFromZero
    /// To the nearest; a tie goes to the even neighbour (banker's rounding).
    case toNearestOrEven
    /// To the nearest; a tie goes away from zero (school rounding).
    case toNearestOrAwayFromZero
}
