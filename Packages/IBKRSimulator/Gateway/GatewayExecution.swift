import TraderCore

/// One execution: a (partial) fill of an order, with its commission.
struct GatewayExecution: Sendable {
    /// Unique for the gateway's life and across restarts (`0001f4e8.6571b2c0.01.01` in IB's form).
    let execID: String
    let orderID: Int
    let clientID: Int
    let permID: Int
    let contract: GatewayContract
    let time: Timestamp
    let isBuy: Bool
    let shares: FixedPoint
    let price: FixedPoint
    /// The order's filled quantity after this execution.
    let cumulativeQuantity: FixedPoint
    /// The order's average fill price after this execution.
    let averagePrice: FixedPoint
    let orderRef: String
    let account: String
    /// Whether the fill added liquidity (a resting order) rather than took it.
    let addedLiquidity: Bool
    /// The commission in USD.
    let commission: FixedPoint
    /// The realized profit or loss of a closing fill; `nil` for an opening one (IB sends UNSET).
    let realizedPNL: FixedPoint?
}
