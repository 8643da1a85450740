/// An amount of an instrument's base asset (coins, shares, contracts). Never negative: the side of
/// an order or fill carries the direction.
public struct Quantity: Hashable, Comparable, Sendable {
    /// The exact, non-negative value.
    public let value: FixedPoint

    /// Wraps an exact value.
    ///
    /// - Precondition: `value` is not negative.
    @inlinable
    public init(_ value: FixedPoint) {
        precondition(!value.isNegative, "a quantity cannot be negative: \(value)")
        self.value = value
    }

    /// Zero.
    public static let zero = Quantity(.zero)

    /// Whether the quantity is zero.
    @inlinable public var isZero: Bool { value.isZero }

    /// The quantity rounded to a size increment by `rule` (`.down` so an order never exceeds what
    /// is held or allowed).
    ///
    /// - Throws: ``ArithmeticError`` for a zero increment or overflow.
    @inlinable
    public func rounded(toIncrement increment: Quantity, _ rule: RoundingRule) throws(ArithmeticError) -> Quantity {
        Quantity(try value.rounded(toIncrement: increment.value, rule))
    }

    /// The exact sum.
    ///
    /// - Throws: ``ArithmeticError`` on overflow.
    @inlinable
    public func adding(_ other: Quantity) throws(ArithmeticError) -> Quantity {
        Quantity(try value.adding(other.value))
    }

    /// The exact difference, or `nil` when `other` is larger (a quantity cannot go negative).
    @inlinable
    public func subtracting(_ other: Quantity) -> Quantity? {
        other.value > value ? nil : Quantity(FixedPoint(raw: value.raw - other.value.raw))
    }

    @inlinable public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.value < rhs.value }
}

extension Quantity: StringCodable {
    /// Parses a non-negative venue decimal string (`"0.00012345"`); `nil` for a negative one.
    public init?(_ description: String) {
        guard let value = FixedPoint(description), !value.isNegative else { return nil }
        self.init(value)
    }

    public var description: String { value.description }
    public static var expectedFormat: String { "a non-negative decimal quantity" }
}
