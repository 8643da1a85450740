import TraderCore

extension FeeRates {
    /// The fee on a notional at a liquidity, rounded up to the 10⁻⁸: estimates never flatter.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`.
    public func fee(onNotional notional: FixedPoint, liquidity: Fill.Liquidity) throws(ArithmeticError) -> FixedPoint {
        try notional.multiplied(by: rate(for: liquidity), rounding: .up)
    }
}
