import TraderCore

/// Sizing that accounts for fees: how much notional a budget buys, what a sale nets, and the least
/// order that clears a venue minimum after fees. Notionals are in the quote currency; sizes in base
/// units are rounded to the product's increment in the direction that keeps every promise.
public struct FeeAwareSizing: Hashable, Sendable {
    /// The rates applied.
    public let rates: FeeRates

    /// Sizing with `rates`.
    public init(rates: FeeRates) {
        self.rates = rates
    }

    /// The largest notional a buy can have so that notional plus fee stays within `budget`:
    /// `budget / (1 + rate)`, rounded down.
    ///
    /// - Throws: ``ArithmeticError``.
    public func grossNotional(forBudget budget: FixedPoint, liquidity: Fill.Liquidity) throws(ArithmeticError) -> FixedPoint {
        var gross = try budget.divided(by: FixedPoint(1).adding(rates.rate(for: liquidity)), rounding: .down)
        // The fee rounds up, so the quotient can still overshoot by a unit; step down until it fits.
        while try gross.adding(rates.fee(onNotional: gross, liquidity: liquidity)) > budget {
            gross = FixedPoint(raw: gross.raw - 1)
        }
        return gross
    }

    /// What a sale of `gross` notional leaves after its fee.
    ///
    /// - Throws: ``ArithmeticError``.
    public func netProceeds(ofGross gross: FixedPoint, liquidity: Fill.Liquidity) throws(ArithmeticError) -> FixedPoint {
        try gross.subtracting(rates.fee(onNotional: gross, liquidity: liquidity))
    }

    /// The least gross notional whose proceeds after fees reach `net`: `net / (1 − rate)`, rounded
    /// up, then checked.
    ///
    /// - Throws: ``ArithmeticError``.
    public func grossNotional(forNet net: FixedPoint, liquidity: Fill.Liquidity) throws(ArithmeticError) -> FixedPoint {
        var gross = try net.divided(by: FixedPoint(1).subtracting(rates.rate(for: liquidity)), rounding: .up)
        while try netProceeds(ofGross: gross, liquidity: liquidity) < net {
            gross = FixedPoint(raw: gross.raw + 1)
        }
        return gross
    }

    /// The smallest size, in base units on the product's increment, whose order clears both the
    /// venue's minimums (size and notional) and `minimumNetNotional` after fees at `price`.
    ///
    /// - Returns: `nil` when even the product's maximum size cannot clear them.
    /// - Throws: ``ArithmeticError``.
    public func minimumSize(
        at price: Price, rules: ProductRules, minimumNetNotional: FixedPoint, liquidity: Fill.Liquidity
    ) throws(ArithmeticError) -> Quantity? {
        let grossNeeded = Swift.max(rules.minNotional, try grossNotional(forNet: minimumNetNotional, liquidity: liquidity))
        var size = Quantity(
            try grossNeeded.divided(by: price.value, rounding: .up).rounded(toIncrement: rules.baseIncrement.value, .up))
        size = Swift.max(size, try rules.minSize.rounded(toIncrement: rules.baseIncrement, .up))
        // Rounding the notional down could still leave it a unit short; add increments until it clears.
        while try price.notional(of: size, rounding: .down) < grossNeeded {
            size = try size.adding(rules.baseIncrement)
        }
        return size <= rules.maxSize ? size : nil
    }
}
