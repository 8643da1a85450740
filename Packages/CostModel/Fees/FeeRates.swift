import TraderCore

/// Maker and taker fee rates as exact fractions of notional (0.004 = 0.4 % = 40 bps).
public struct FeeRates: Hashable, Sendable {
    /// The rate charged when an order adds liquidity.
    public let maker: FixedPoint
    /// The rate charged when an order takes liquidity.
    public let taker: FixedPoint

    /// Creates rates from fractions of notional.
    ///
    /// - Precondition: the taker rate is not negative and both are below 1 (100 %); a maker rate
    ///   may be negative (a rebate).
    public init(maker: FixedPoint, taker: FixedPoint) {
        precondition(!taker.isNegative && taker < FixedPoint(1) && maker < FixedPoint(1), "implausible fee rates")
        self.maker = maker
        self.taker = taker
    }

    /// Creates rates from basis points (40 → 0.004).
    public init(makerBps: FixedPoint, takerBps: FixedPoint) {
        self.init(maker: FixedPoint(raw: makerBps.raw / 10_000), taker: FixedPoint(raw: takerBps.raw / 10_000))
    }

    /// The rate for a fill's liquidity.
    public func rate(for liquidity: Fill.Liquidity) -> FixedPoint {
        liquidity == .maker ? maker : taker
    }
}
