import TraderCore

extension CoinbaseMapping {
    /// A preview; its amounts are not negative, and a preview without errors has a size.
    static func preview(_ wire: WirePreview, _ what: String) throws(VenueError) -> CoinbaseOrderPreview {
        let amounts = [wire.orderTotal, wire.commissionTotal, wire.quoteSize, wire.baseSize].map { $0?.value ?? .zero }
        guard amounts.allSatisfy({ !$0.isNegative }) else { throw malformed("\(what): a negative amount") }
        let errors = (wire.errs ?? []).filter { !$0.isEmpty }
        guard !errors.isEmpty || amounts[3].raw > 0 else { throw malformed("\(what): no errors and no base size") }
        return CoinbaseOrderPreview(
            orderTotal: amounts[0], commission: amounts[1], quoteSize: amounts[2], baseSize: Quantity(amounts[3]),
            bestBid: try positivePrice(wire.bestBid, what), bestAsk: try positivePrice(wire.bestAsk, what), errors: errors)
    }

    /// The fee tier; its rates are between 0 and 1.
    static func feeTier(_ wire: WireTransactionSummary) throws(VenueError) -> CoinbaseFeeTier {
        guard let tier = wire.feeTier, let maker = tier.makerFeeRate?.value, let taker = tier.takerFeeRate?.value else {
            throw malformed("transaction summary: no fee tier rates")
        }
        for rate in [maker, taker] where rate.isNegative || rate > FixedPoint(1) {
            throw malformed("transaction summary: fee rate \(rate) is not between 0 and 1")
        }
        return CoinbaseFeeTier(
            name: tier.pricingTier ?? "", makerRate: maker, takerRate: taker, volume: wire.totalVolume?.value ?? .zero,
            feesPaid: wire.totalFees?.value ?? .zero)
    }

    /// The trades of `symbol`, newest first; a trade of another product, or without a positive
    /// price and size, is malformed.
    static func marketTrades(_ wire: WireMarketTrades, of symbol: Symbol) throws(VenueError) -> MarketTrades {
        let what = "market trades of \(symbol)"
        var trades: [MarketTrade] = []
        for trade in wire.trades ?? [] {
            guard try CoinbaseMapping.symbol(trade.productID, what) == symbol else {
                throw malformed("\(what): a trade of \((trade.productID ?? "").prefix(32))")
            }
            guard let id = trade.tradeID, !id.isEmpty, let price = trade.price?.value, price.raw > 0, let size = trade.size?.value, size.raw > 0
            else { throw malformed("\(what): a trade without id, or without a positive price and size") }
            trades.append(
                MarketTrade(
                    tradeID: id, symbol: symbol, price: Price(price), size: Quantity(size), time: try time(trade.time, what),
                    makerSide: try side(trade.side, what)))
        }
        return MarketTrades(trades: trades, bestBid: try positivePrice(wire.bestBid, what), bestAsk: try positivePrice(wire.bestAsk, what))
    }

    /// A price that is absent (`nil` or `""`) or positive.
    private static func positivePrice(_ wire: CoinbaseDecimal?, _ what: String) throws(VenueError) -> Price? {
        guard let value = wire?.value else { return nil }
        guard value.raw > 0 else { throw malformed("\(what): price \(value) is not positive") }
        return Price(value)
    }
}
