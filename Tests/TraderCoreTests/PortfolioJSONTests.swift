import Foundation
import Testing
import TraderCore

/// The portfolio as a live node saves it every cycle, written by hand: it reads back with
/// `JSONDecoder` as the portfolio written, option positions and working orders included.
@Suite struct PortfolioJSONTests {
    @Test func aPortfolioWrittenByHandReadsBackEqual() throws {
        let btc = Symbol(base: "BTC", quote: "USD")
        let spy = Symbol(base: "SPY", quote: "USD")
        let call = OptionContract(underlying: spy, expiry: "20261218", strike: Price("600")!, right: .call, multiplier: 100)
        var spot = Position(symbol: btc)
        try spot.apply(
            Fill(tradeID: TradeID("f-1"), price: Price("65000.5")!, quantity: Quantity("0.02")!, fee: Money(FixedPoint("1.3")!, .usd),
                liquidity: .maker, time: Timestamp(secondsSinceEpoch: 0)), side: .buy)
        var option = Position(instrument: .option(call))
        try option.apply(
            Fill(tradeID: TradeID("f-2"), price: Price("2.5")!, quantity: Quantity(3), fee: Money(FixedPoint("1.95")!, .usd),
                liquidity: .taker, time: Timestamp(secondsSinceEpoch: 60)), side: .buy)
        let working = Order(
            clientOrderID: ClientOrderID("o-1"), symbol: btc, side: .sell, kind: .limit(price: Price("70000")!, postOnly: true),
            quantity: Quantity("0.01")!)
        let portfolio = try Portfolio(
            currency: .usd, cash: FixedPoint("-12.345")!, positions: [btc: spot, spy: option], workingOrders: [working])
        var json = JSONBytes()
        try portfolio.appendJSON(to: &json)
        let decoded = try JSONDecoder().decode(Portfolio.self, from: Data(json.bytes))
        #expect(decoded == portfolio)
        #expect(decoded.positions[spy]?.instrument == .option(call))
    }
}
