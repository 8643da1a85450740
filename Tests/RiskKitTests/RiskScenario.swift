import CostModel
import RiskKit
import TraderCore

/// A small, exact world for risk tests: $100,000 in cash, four USD products with round prices,
/// deep books, fresh quotes, and the shipped policy's limits. Fills are booked without fees so that
/// NAV stays exactly $100,000 while positions are built.
struct RiskScenario {
    /// Monday 2026-11-16 15:00 UTC.
    static let start = Timestamp(secondsSinceEpoch: 1_794_841_200)
    static let usd = Currency(code: "USD")
    static let btc = Symbol(base: "BTC", quote: "USD")
    static let eth = Symbol(base: "ETH", quote: "USD")
    static let sol = Symbol(base: "SOL", quote: "USD")
    static let doge = Symbol(base: "DOGE", quote: "USD")
    /// Asks; bids are one tick lower.
    static let prices: [Symbol: String] = [btc: "50000", eth: "2000", sol: "100", doge: "0.1"]
    static let themes: [Symbol: String] = [btc: "store_of_value", eth: "smart_contracts", sol: "smart_contracts"]

    /// The shipped `config/policy.yaml` limits.
    static var standardLimits: RiskLimits {
        RiskLimits(
            exposure: ExposureLimits(
                maxAssetPct: 20, maxThemePct: 35, maxTotalPct: 70, assetCaps: [:], themeCaps: [:], maxOpenPositions: 6),
            pacing: PacingLimits(
                maxTradesPerHour: 6, maxTradesPerDay: 30, minTimeBetweenTrades: .seconds(120), cooldownAfterWin: .seconds(1800),
                cooldownAfterLoss: .seconds(7200)),
            losses: LossLimits(maxDailyLossPct: 2, maxWeeklyLossPct: 5, maxDrawdownPct: 12, timeZone: .utc),
            breakers: BreakerLimits(
                maxQuoteStaleness: .seconds(10), apiErrorRateThresholdPct: 20, maxRateLimitHits: 3,
                statusActions: [.cancelOnly: .blockEntries, .limitOnly: .allow, .postOnly: .allow, .disabled: .blockEntries, .offline: .halt],
                haltOnCrashRegime: true),
            liquidity: LiquidityLimits(maxSpreadBps: 25, minDepthWithin20Bps: 50_000),
            sizing: SizingLimits(maxSizePct: 5, minNotional: 10, fees: FeeRates(makerBps: 40, takerBps: 60)))
    }

    var limits = RiskScenario.standardLimits
    var portfolio = Portfolio(currency: usd, cash: 100_000)
    var context: RiskContext
    var state = RiskState()
    private var orderNumber = 0

    init() {
        var quotes: SymbolMap<Quote> = [:]
        var marks: SymbolMap<Price> = [:]
        var books: SymbolMap<BookSnapshot> = [:]
        var products: [Symbol: ProductRules] = [:]
        for (symbol, text) in Self.prices {
            let ask = Price(text)!
            let tick = Self.tick(symbol)
            let bid = Price(FixedPoint(raw: ask.value.raw - tick.value.raw))
            quotes[symbol] = Quote(symbol: symbol, bid: bid, ask: ask, bidSize: Quantity("1")!, askSize: Quantity("1")!, time: Self.start)
            marks[symbol] = ask
            // 1,000,000 USD on each side at the touch: deep enough for any limit here.
            let depth = Quantity(try! FixedPoint(1_000_000).divided(by: ask.value, rounding: .up))
            books[symbol] = BookSnapshot(
                symbol: symbol, bids: [.init(price: bid, quantity: depth)], asks: [.init(price: ask, quantity: depth)], time: Self.start)
            products[symbol] = ProductRules(
                symbol: symbol, baseIncrement: Quantity("0.0001")!, priceIncrement: tick, minSize: Quantity("0.0001")!,
                maxSize: Quantity("1000000")!, minNotional: 1, status: .online)
        }
        context = RiskContext(
            now: Self.start, marks: marks, quotes: quotes, books: books, products: products, themes: ThemeMap(Self.themes))
    }

    static func tick(_ symbol: Symbol) -> Price { symbol == doge ? Price("0.00001")! : Price("0.01")! }

    /// Buys `quantity` of `symbol` at its mark, without fees.
    mutating func hold(_ quantity: String, of symbol: Symbol) {
        var order = acceptedOrder(symbol, .buy, quantity, prefix: "held")
        try! portfolio.track(order)
        let fill = Fill(
            tradeID: TradeID("trade-\(orderNumber)"), price: context.marks[symbol]!, quantity: order.quantity, fee: .zero(Self.usd),
            liquidity: .maker, time: Self.start)
        try! portfolio.book(fill, of: order.clientOrderID)
        try! order.apply(.fill(fill), at: Self.start)
        try! portfolio.track(order)
    }

    /// Leaves a working limit order of `quantity` at the mark.
    mutating func working(_ side: OrderSide, _ quantity: String, of symbol: Symbol) {
        try! portfolio.track(acceptedOrder(symbol, side, quantity, prefix: "working"))
    }

    /// A post-only limit order at the mark, submitted and accepted.
    private mutating func acceptedOrder(_ symbol: Symbol, _ side: OrderSide, _ quantity: String, prefix: String) -> Order {
        orderNumber += 1
        var order = Order(
            clientOrderID: ClientOrderID("\(prefix)-\(orderNumber)"), symbol: symbol, side: side,
            kind: .limit(price: context.marks[symbol]!, postOnly: true), quantity: Quantity(quantity)!)
        try! order.apply(.submit, at: Self.start)
        try! order.apply(.accept(VenueOrderID("venue-\(orderNumber)")), at: Self.start)
        return order
    }

    /// Moves the clock (and every quote's time with it, so quotes stay fresh).
    mutating func advance(seconds: Int64) {
        context.now = context.now.advanced(by: .seconds(seconds))
        for (symbol, quote) in context.quotes {
            context.quotes[symbol] = Quote(
                symbol: symbol, bid: quote.bid, ask: quote.ask, bidSize: quote.bidSize, askSize: quote.askSize, time: context.now)
        }
    }

    func evaluate(_ proposals: [TradeProposal]) -> RiskEvaluation {
        RiskEngine(limits: limits).evaluate(proposals, portfolio: portfolio, context: context, state: state)
    }

    func evaluate(_ proposal: TradeProposal) -> RiskEvaluation { evaluate([proposal]) }
}

func buy(_ symbol: Symbol, pct: Double) -> TradeProposal {
    TradeProposal(symbol: symbol, side: .buy, sizePct: pct, confidence: 0.8, conviction: .medium, signal: "momentum", reasons: [])
}

func sell(_ symbol: Symbol) -> TradeProposal {
    TradeProposal(symbol: symbol, side: .sell, sizePct: 100, confidence: 0.8, conviction: .medium, signal: "momentum", reasons: [])
}

extension RiskEvaluation {
    /// The one rejection's code, or `nil` when the proposal was approved.
    var onlyCode: String? { rejected.first?.code.rawValue }
}
