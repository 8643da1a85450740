extension FixedPoint: ExpressibleByIntegerLiteral {
    /// A whole number written as a literal (`FixedPoint = 20`); exact.
    ///
    /// - Precondition: the literal is within the range (±92,233,720,368).
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}
