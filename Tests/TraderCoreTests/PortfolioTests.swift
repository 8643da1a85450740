import Foundation
import Testing
import TraderCore

@Suite struct PortfolioTests {
    private let btc = Symbol(base: "BTC", quote: "USD")
    private let eth = Symbol(base: "ETH", quote: "USD")
    private let time = Timestamp(secondsSinceEpoch: 0)

    private func submittedOrder(_ id: String, _ symbol: Symbol, _ side: OrderSide, limit: String?, quantity: String) throws -> Order {
        var order = Order(
            clientOrderID: ClientOrderID(id), symbol: symbol, side: side,
            kind: limit.map { .limit(price: Price($0)!, postOnly: true) } ?? .market, quantity: Quantity(quantity)!)
        try order.apply(.submit, at: time)
        return order
    }

    private func fill(_ id: String, _ price: String, _ quantity: String, fee: String) -> Fill {
        Fill(
            tradeID: TradeID(id), price: Price(price)!, quantity: Quantity(quantity)!, fee: Money(FixedPoint(fee)!, .usd),
            liquidity: .maker, time: time)
    }

    /// 100,000 USD with a limit buy of `ordered` BTC at 60,000, of which `filled` filled without a fee.
    private func portfolioBuyingBTC(ordered: String, filled: String) throws -> (portfolio: Portfolio, order: Order) {
        var portfolio = Portfolio(currency: .usd, cash: FixedPoint("100000")!)
        var order = try submittedOrder("b1", btc, .buy, limit: "60000", quantity: ordered)
        try portfolio.track(order)
        let execution = fill("t1", "60000", filled, fee: "0")
        try portfolio.book(execution, of: order.clientOrderID)
        try order.apply(.fill(execution), at: time)
        try portfolio.track(order)
        return (portfolio, order)
    }

    private func themes(_ symbol: Symbol) -> String? { symbol.base == "BTC" ? "store_of_value" : "smart_contracts" }

    @Test func aBuyFillMovesCashAndPositionTogether() throws {
        var portfolio = Portfolio(currency: .usd, cash: FixedPoint("100000")!)
        var order = try submittedOrder("b1", btc, .buy, limit: "60000", quantity: "0.5")
        try portfolio.track(order)
        #expect(!portfolio.holdsPositions)  // a working buy is pending exposure, not a position
        let execution = fill("t1", "60000", "0.5", fee: "120")
        let realized = try portfolio.book(execution, of: order.clientOrderID)
        try order.apply(.fill(execution), at: time)
        try portfolio.track(order)
        #expect(realized.description == "-120")  // a buy realizes its fee as a loss
        #expect(portfolio.cash.description == "69880")
        #expect(portfolio.workingOrders.isEmpty)
        #expect(portfolio.holdsPositions)
        #expect(try portfolio.nav(marks: [btc: Price("62000")!]).description == "100880")
    }

    @Test func aPositionSoldToFlatIsNoLongerHeld() throws {
        var portfolio = Portfolio(currency: .usd, cash: FixedPoint("100000")!)
        var realized: [FixedPoint] = []
        for (id, side, price) in [("b1", OrderSide.buy, "60000"), ("s1", .sell, "62000")] {
            var order = try submittedOrder(id, btc, side, limit: price, quantity: "0.5")
            try portfolio.track(order)
            let execution = fill("t-\(id)", price, "0.5", fee: "0")
            realized.append(try portfolio.book(execution, of: order.clientOrderID))
            try order.apply(.fill(execution), at: time)
            try portfolio.track(order)
        }
        #expect(realized.map(\.description) == ["0", "1000"])
        #expect(!portfolio.holdsPositions)
        #expect(portfolio.positions[btc]?.isFlat == true)
        #expect(portfolio.cash.description == "101000")
    }

    @Test func exposureCountsPendingBuysByAssetThemeAndTotal() throws {
        var portfolio = try portfolioBuyingBTC(ordered: "0.2", filled: "0.2").portfolio
        try portfolio.track(try submittedOrder("b2", btc, .buy, limit: "59000", quantity: "0.1"))
        try portfolio.track(try submittedOrder("b3", eth, .buy, limit: nil, quantity: "2"))
        try portfolio.track(try submittedOrder("s1", btc, .sell, limit: "70000", quantity: "0.1"))
        let exposure = try portfolio.exposure(marks: [btc: Price("61000")!, eth: Price("3000")!], themeOf: themes)
        #expect(exposure.byAsset == ["BTC": FixedPoint("18100")!, "ETH": FixedPoint("6000")!])  // 12200 held + 5900 pending
        #expect(exposure.byTheme == ["store_of_value": FixedPoint("18100")!, "smart_contracts": FixedPoint("6000")!])
        #expect(exposure.total.description == "24100")
        #expect(exposure.pending.description == "11900")
        #expect(Exposure.percent(exposure.total, of: FixedPoint("100000")!) == 24.1)
    }

    @Test func eachExposureIsVisitedHeldPositionsFirstThenPendingBuysAtTheirPrices() throws {
        var portfolio = try portfolioBuyingBTC(ordered: "0.2", filled: "0.2").portfolio
        try portfolio.track(try submittedOrder("b3", eth, .buy, limit: nil, quantity: "2"))
        try portfolio.track(try submittedOrder("s1", btc, .sell, limit: "70000", quantity: "0.1"))
        var visited: [String] = []
        try portfolio.forEachExposure(marks: [btc: Price("61000")!, eth: Price("3000.005")!]) { symbol, amount, pending in
            visited.append("\(symbol) \(amount) \(pending ? "pending" : "held")")
        }
        // The market buy is valued at the mark (2 × 3000.005); the sell adds no exposure.
        #expect(visited == ["BTC-USD 12200 held", "ETH-USD 6000.01 pending"])
    }

    @Test func aWorkingOrderIsKeptAsWhatItStillAsksForUntilItEnds() throws {
        var (portfolio, order) = try portfolioBuyingBTC(ordered: "0.5", filled: "0.2")
        let kept = portfolio.workingOrders[order.clientOrderID]
        #expect(kept?.symbol == btc)
        #expect(kept?.side == .buy)
        #expect(kept?.kind == .limit(price: Price("60000")!, postOnly: true))
        #expect(kept?.remainingQuantity == Quantity("0.3"))
        try order.apply(.requestCancel, at: time)
        try order.apply(.cancel, at: time)
        try portfolio.track(order)
        #expect(portfolio.workingOrders.isEmpty)
    }

    @Test func aSavedPortfolioReadsBackWithItsWorkingOrders() throws {
        var portfolio = Portfolio(currency: .usd, cash: FixedPoint("100000")!)
        try portfolio.track(try submittedOrder("b1", btc, .buy, limit: "60000", quantity: "0.5"))
        try portfolio.track(try submittedOrder("b2", eth, .buy, limit: nil, quantity: "2"))
        let saved = try JSONEncoder().encode(portfolio)
        #expect(try JSONDecoder().decode(Portfolio.self, from: saved) == portfolio)
        let text = String(decoding: saved, as: UTF8.self)
        #expect(text.contains(#""remaining_quantity":"0.5""#))
    }

    @Test func aMissingMarkFailsClosed() throws {
        var portfolio = Portfolio(currency: .usd, cash: FixedPoint("1000")!)
        try portfolio.track(try submittedOrder("b1", eth, .buy, limit: nil, quantity: "1"))
        do {
            _ = try portfolio.exposure(marks: [:], themeOf: themes)
            Issue.record("expected missing_mark")
        } catch let error as Portfolio.Error {
            #expect(error.code == "missing_mark")
        }
    }

    @Test func aFillForAnUntrackedOrderChangesNothing() throws {
        var portfolio = Portfolio(currency: .usd, cash: FixedPoint("1000")!)
        let before = portfolio
        #expect(throws: Portfolio.Error.self) { try portfolio.book(fill("t1", "1", "1", fee: "0"), of: ClientOrderID("nope")) }
        #expect(portfolio == before)
    }

    @Test func symbolsQuotedInAnotherCurrencyAreRefused() throws {
        var portfolio = Portfolio(currency: .usd, cash: .zero)
        let ethBtc = Symbol(base: "ETH", quote: "BTC")
        #expect(throws: Portfolio.Error.self) { try portfolio.track(try submittedOrder("x", ethBtc, .buy, limit: "0.05", quantity: "1")) }
    }
}
