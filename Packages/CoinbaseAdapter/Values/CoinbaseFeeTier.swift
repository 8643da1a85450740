import TraderCore

/// The account's fee tier (`GET /transaction_summary`): what the cost model should charge.
public struct CoinbaseFeeTier: Hashable, Sendable {
    /// The tier's name, as Coinbase gives it (may be empty).
    public let name: String
    /// The rate charged when an order adds liquidity (0.004 is 0.4 %).
    public let makerRate: FixedPoint
    /// The rate charged when an order takes liquidity.
    public let takerRate: FixedPoint
    /// The volume traded in the tier's period, in USD.
    public let volume: FixedPoint
    /// The fees paid in that period, in USD.
    public let feesPaid: FixedPoint

    /// The maker rate in basis points (CostModel's `FeeRates(makerBps:takerBps:)` takes these).
    public var makerBps: FixedPoint { FixedPoint(raw: makerRate.raw * 10_000) }
    /// The taker rate in basis points.
    public var takerBps: FixedPoint { FixedPoint(raw: takerRate.raw * 10_000) }
}
