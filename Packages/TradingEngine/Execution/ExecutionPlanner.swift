import RiskKit
import TraderCore

/// Turns approved trades into orders: market or post-only limit as the policy says, prices on the
/// product's tick, and a client order id that is a pure function of strategy, symbol, side and the
/// intent's sequence number (`ema-BTC-USD-BUY-17`), so a retried intent carries the same id.
public struct ExecutionPlanner: Sendable {
    /// The policy.
    public let policy: ExecutionPolicy
    /// The canonical spelling of each symbol named up front: an order id reads it here rather than
    /// unpacking the symbol's codes again (which cost a quarter of making an id).
    private let spellings: SymbolMap<String>

    /// A planner for `policy`; the ids of `symbols` (the ones it will trade) cost least.
    public init(policy: ExecutionPolicy, symbols: some Sequence<Symbol> = []) {
        self.policy = policy
        spellings = SymbolMap(symbols.map { ($0, $0.description) })
    }

    /// The client order id of intent number `sequence`.
    public func clientOrderID(symbol: Symbol, side: OrderSide, sequence: Int) -> ClientOrderID {
        // Written into storage sized once: interpolation and appends cost more than the rest of
        // planning an order.
        let strategy = policy.strategyID.utf8
        let symbol = (spellings[symbol] ?? symbol.description).utf8  // a short string: usually inline
        let side = side.rawValue.utf8
        let digits = DecimalDigits.count(of: sequence)
        let length = strategy.count + 1 + symbol.count + 1 + side.count + 1 + digits
        return ClientOrderID(
            String(unsafeUninitializedCapacity: length) { buffer in
                var end = 0
                func write(_ bytes: String.UTF8View) {
                    let start = end  // a variable captured by the closure would be checked for exclusive access
                    let copied = bytes.withContiguousStorageIfAvailable { source in
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[start...]).initialize(fromContentsOf: source)
                        return source.count
                    }
                    if let copied {
                        end += copied
                        return
                    }
                    for byte in bytes {
                        buffer[end] = byte
                        end += 1
                    }
                }
                func separate() {
                    buffer[end] = UInt8(ascii: "-")
                    end += 1
                }
                write(strategy)
                separate()
                write(symbol)
                separate()
                write(side)
                separate()
                return DecimalDigits.write(sequence, digits: digits, into: buffer, at: end)
            })
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
