/// An exact amount of one currency. Amounts of different currencies never mix: adding or comparing
/// them throws ``ArithmeticError`` `currency_mismatch`.
public struct Money: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The exact amount; negative for a debt or a loss.
    public let amount: FixedPoint
    /// The currency.
    public let currency: Currency

    /// Creates an amount of a currency.
    public init(_ amount: FixedPoint, _ currency: Currency) {
        self.amount = amount
        self.currency = currency
    }

    /// Zero of `currency`.
    public static func zero(_ currency: Currency) -> Money { Money(.zero, currency) }

    /// `65432.1 USD`.
    public var description: String { "\(amount) \(currency)" }

    /// The exact sum.
    ///
    /// - Throws: ``ArithmeticError`` `currency_mismatch` for another currency, `overflow`.
    public func adding(_ other: Money) throws(ArithmeticError) -> Money {
        try requireSameCurrency(other, "+")
        return Money(try amount.adding(other.amount), currency)
    }

    /// The exact difference.
    ///
    /// - Throws: ``ArithmeticError`` `currency_mismatch` for another currency, `overflow`.
    public func subtracting(_ other: Money) throws(ArithmeticError) -> Money {
        try requireSameCurrency(other, "-")
        return Money(try amount.subtracting(other.amount), currency)
    }

    /// The amount scaled by a factor (a fee rate, a share), rounded by `rule`.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    public func multiplied(by factor: FixedPoint, rounding rule: RoundingRule) throws(ArithmeticError) -> Money {
        Money(try amount.multiplied(by: factor, rounding: rule), currency)
    }

    /// Whether this amount is less than `other`.
    ///
    /// - Throws: ``ArithmeticError`` `currency_mismatch` for another currency.
    public func isLess(than other: Money) throws(ArithmeticError) -> Bool {
        try requireSameCurrency(other, "<")
        return amount < other.amount
    }

    private func requireSameCurrency(_ other: Money, _ operation: String) throws(ArithmeticError) {
        guard currency == other.currency else {
            throw ArithmeticError(.currencyMismatch, operation: "\(self) \(operation) \(other)")
        }
    }
}
