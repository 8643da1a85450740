import RiskKit
import TraderCore

/// Turns approved trades into orders: market or post-only limit as the policy says, prices on the
/// product's tick, and a client order id that is a pure function of strategy, symbol, side, the
/// run's epoch and the intent's sequence number (`ema-BTC-USD-BUY-17` in a backtest,
/// `ema-BTC-USD-BUY-e1796000000-17` in a run the state store numbered), so a retried intent carries
/// the same id and no later run reissues it.
public struct ExecutionPlanner: Sendable {
    /// The policy.
    public let policy: ExecutionPolicy
    /// The run's epoch (``TradingEngine/runEpoch``), when ids carry one.
    public let runEpoch: Int64?

    /// A planner for `policy`, its ids carrying `runEpoch` when given.
    public init(policy: ExecutionPolicy, runEpoch: Int64? = nil) {
        self.policy = policy
        self.runEpoch = runEpoch
    }

    /// The client order id of intent number `sequence`.
    public func clientOrderID(symbol: Symbol, side: OrderSide, sequence: Int) -> ClientOrderID {
        let run = runEpoch.map { "e\($0)-" } ?? ""
        return ClientOrderID("\(policy.strategyID)-\(symbol)-\(side.rawValue)-\(run)\(sequence)")
    }

    /// The order for `trade`; `nil` when the spread leaves no room for a post-only price, or the
    /// product does not take the order's kind now (``ProductRules/accepts(_:)``).
    public func order(for trade: ApprovedTrade, rules: ProductRules, quote: Quote, sequence: Int) -> Order? {
        order(symbol: trade.proposal.symbol, side: trade.proposal.side, quantity: trade.quantity, rules: rules, quote: quote, sequence: sequence)
    }

    /// The order for `quantity` of `symbol` on `side` (a new trade, or a re-quote of one), on the
    /// same terms as ``order(for:rules:quote:sequence:)``.
    public func order(symbol: Symbol, side: OrderSide, quantity: Quantity, rules: ProductRules, quote: Quote, sequence: Int) -> Order? {
        let kind: Order.Kind
        switch policy.style {
        case .market:
            kind = .market
        case .postOnlyLimit(let ticks), .limit(let ticks):
            guard let price = postOnlyPrice(side: side, quote: quote, tick: rules.priceIncrement.value, ticks: ticks) else {
                return nil
            }
            kind = .limit(price: Price(price), postOnly: policy.style == .postOnlyLimit(improvementTicks: ticks))
        }
        guard rules.accepts(kind) else { return nil }
        return Order(
            clientOrderID: clientOrderID(symbol: symbol, side: side, sequence: sequence), symbol: symbol, side: side, kind: kind,
            quantity: quantity)
    }

    /// The order buying the option of an approved option trade: a limit at the premium it was
    /// sized at (the ask), rounded up to `tick` (a cent without one), so that it takes the offer
    /// at once yet never pays more than the risk layer sized; `nil` when the price cannot be put
    /// on the tick.
    public func optionOrder(for trade: ApprovedTrade, contract: OptionContract, tick: Price?, sequence: Int) -> Order? {
        let tick = tick ?? Price(FixedPoint(raw: FixedPoint.scale / 100))
        guard let price = try? trade.referencePrice.rounded(toTick: tick, .up) else { return nil }
        return Order(
            clientOrderID: clientOrderID(symbol: contract.underlying, side: .buy, sequence: sequence), instrument: .option(contract),
            side: .buy, kind: .limit(price: price, postOnly: false), quantity: trade.quantity)
    }

    /// The best bid (buy) or ask (sell) improved by `ticks` toward the other side, on the tick and
    /// still inside the spread, so that it rests as a maker; `nil` when the spread has no room.
    private func postOnlyPrice(side: OrderSide, quote: Quote, tick: FixedPoint, ticks: Int) -> FixedPoint? {
        let improvement = FixedPoint(raw: tick.raw * Int64(ticks))
        switch side {
        case .buy:
            guard let price = try? quote.bid.value.adding(improvement).rounded(toIncrement: tick, .down),
                price < quote.ask.value, price.raw > 0
            else { return nil }
            return price
        case .sell:
            guard let price = try? quote.ask.value.subtracting(improvement).rounded(toIncrement: tick, .up), price > quote.bid.value
            else { return nil }
            return price
        }
    }
}
