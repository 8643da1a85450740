/// A price per unit of an instrument's base asset, in its quote currency; may be negative (spreads,
/// some futures), never rounded implicitly.
public struct Price: Hashable, Comparable, Sendable {
    /// The exact value.
    public let value: FixedPoint

    /// Wraps an exact value.
    @inlinable
    public init(_ value: FixedPoint) {
        self.value = value
    }

    /// The price rounded to a tick by `rule` (`.down` for a buy limit, `.up` for a sell limit).
    ///
    /// - Throws: ``ArithmeticError`` for a zero tick or overflow.
    @inlinable
    public func rounded(toTick tick: Price, _ rule: RoundingRule) throws(ArithmeticError) -> Price {
        Price(try value.rounded(toIncrement: tick.value, rule))
    }

    /// The notional of `quantity` at this price, in the quote currency, rounded by `rule`.
    ///
    /// - Throws: ``ArithmeticError`` on overflow.
    @inlinable
    public func notional(of quantity: Quantity, rounding rule: RoundingRule) throws(ArithmeticError) -> FixedPoint {
        try value.multiplied(by: quantity.value, rounding: rule)
    }

    @inlinable public static func < (lhs: Price, rhs: Price) -> Bool { lhs.value < rhs.value }
}

extension Price: StringCodable {
    /// Parses a venue decimal string (`"65432.1"`).
    public init?(_ description: String) {
        guard let value = FixedPoint(description) else { return nil }
        self.init(value)
    }

    public var description: String { value.description }
    public static var expectedFormat: String { "a decimal price" }
}
