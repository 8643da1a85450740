import TraderCore

/// Expected execution cost beyond fees, by liquidity tier: half the spread plus slippage for a taker
/// order; nothing for a maker fill at its limit. Tiers are chosen by 24-hour volume.
public struct SlippageModel: Hashable, Sendable {
    /// One liquidity tier.
    public struct Tier: Hashable, Sendable {
        /// The least 24-hour volume (quote currency) for this tier.
        public let minimumVolume: FixedPoint
        /// The spread assumed when no live quote is known, in basis points.
        public let spreadBps: FixedPoint
        /// Price impact beyond the spread for a taker order, in basis points.
        public let slippageBps: FixedPoint

        /// Creates a tier.
        public init(minimumVolume: FixedPoint, spreadBps: FixedPoint, slippageBps: FixedPoint) {
            self.minimumVolume = minimumVolume
            self.spreadBps = spreadBps
            self.slippageBps = slippageBps
        }
    }

    /// Tiers, lowest volume first.
    public let tiers: [Tier]

    /// Creates a model.
    ///
    /// - Precondition: there is a tier from zero volume.
    public init(tiers: [Tier]) {
        let sorted = tiers.sorted { $0.minimumVolume < $1.minimumVolume }
        precondition(sorted.first?.minimumVolume == .zero, "a slippage model needs a tier from zero volume")
        self.tiers = sorted
    }

    /// The tier for a 24-hour volume.
    public func tier(forVolume volume: FixedPoint) -> Tier {
        tiers.last { $0.minimumVolume <= volume }!
    }

    /// Expected cost in basis points beyond fees: for a taker, half the spread (the quoted one when
    /// known, else the tier's) plus the tier's slippage; zero for a maker.
    ///
    /// - Throws: ``ArithmeticError``.
    public func expectedCostBps(volume: FixedPoint, quotedSpreadBps: FixedPoint?, liquidity: Fill.Liquidity)
        throws(ArithmeticError) -> FixedPoint
    {
        guard liquidity == .taker else { return .zero }
        let tier = tier(forVolume: volume)
        let halfSpread = try (quotedSpreadBps ?? tier.spreadBps).divided(by: FixedPoint(2), rounding: .up)
        return try halfSpread.adding(tier.slippageBps)
    }

    /// The price a taker order of `side` can expect from `mid`: worse by the expected cost.
    ///
    /// - Throws: ``ArithmeticError``.
    public func expectedTakerPrice(mid: Price, side: OrderSide, volume: FixedPoint, quotedSpreadBps: FixedPoint?)
        throws(ArithmeticError) -> Price
    {
        let bps = try expectedCostBps(volume: volume, quotedSpreadBps: quotedSpreadBps, liquidity: .taker)
        let move = try mid.value.multiplied(by: FixedPoint(raw: bps.raw / 10_000), rounding: .up)
        return Price(side == .buy ? try mid.value.adding(move) : try mid.value.subtracting(move))
    }
}
