import Benchmark
import CostModel
import RiskKit
import TraderCore

/// Target (issue 4): risk evaluation of 20 proposals against a 100-position portfolio under 20 µs.
///
/// The portfolio holds 100 symbols (0.6 % of NAV each, in 10 themes) with 10 working buy orders;
/// 120 products have quotes, books and rules. The 20 proposals are 15 buys (5 adding to held
/// symbols, 10 new, 1 to 3 % of NAV) and 5 exits, with spacing off so every approval runs the whole
/// path: stops, every check, exact sizing, and the session update that later proposals see.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], maxDuration: .seconds(3))

    let usd = Currency(code: "USD")
    let symbols = (0..<120).map { Symbol(base: "A\($0)", quote: "USD") }
    let now = Timestamp(secondsSinceEpoch: 1_794_841_200)
    var marks: SymbolMap<Price> = [:]
    var quotes: SymbolMap<Quote> = [:]
    var books: SymbolMap<BookSnapshot> = [:]
    var products: [Symbol: ProductRules] = [:]
    var themes: [Symbol: String] = [:]
    for (index, symbol) in symbols.enumerated() {
        let ask = Price(FixedPoint(10 + index))
        let bid = Price(FixedPoint(raw: ask.value.raw - 1_000_000))
        marks[symbol] = ask
        quotes[symbol] = Quote(symbol: symbol, bid: bid, ask: ask, bidSize: Quantity(FixedPoint(100)), askSize: Quantity(FixedPoint(100)), time: now)
        books[symbol] = BookSnapshot(
            symbol: symbol, bids: [.init(price: bid, quantity: Quantity(FixedPoint(100_000)))],
            asks: [.init(price: ask, quantity: Quantity(FixedPoint(100_000)))], time: now)
        products[symbol] = ProductRules(
            symbol: symbol, baseIncrement: Quantity(FixedPoint(raw: 10_000)), priceIncrement: Price(FixedPoint(raw: 1_000_000)),
            minSize: Quantity(FixedPoint(raw: 10_000)), maxSize: Quantity(FixedPoint(1_000_000)), minNotional: 1, status: .online)
        themes[symbol] = "theme\(index % 10)"
    }
    var portfolio = Portfolio(currency: usd, cash: 10_000_000)
    for (index, symbol) in symbols.prefix(110).enumerated() {
        let price = marks[symbol]!
        let quantity = Quantity(try! FixedPoint(60_000).divided(by: price.value, rounding: .down).rounded(toIncrement: FixedPoint(raw: 10_000), .down))
        var order = Order(
            clientOrderID: ClientOrderID("bench-\(index)"), symbol: symbol, side: .buy, kind: .limit(price: price, postOnly: true),
            quantity: quantity)
        try! order.apply(.submit, at: now)
        try! order.apply(.accept(VenueOrderID("venue-\(index)")), at: now)
        try! portfolio.track(order)
        guard index < 100 else { continue }  // the last 10 stay working buys
        let fill = Fill(tradeID: TradeID("t\(index)"), price: price, quantity: quantity, fee: .zero(usd), liquidity: .maker, time: now)
        try! portfolio.book(fill, of: order.clientOrderID)
        try! order.apply(.fill(fill), at: now)
        try! portfolio.track(order)
    }
    let limits = RiskLimits(
        exposure: ExposureLimits(maxAssetPct: 5, maxThemePct: 20, maxTotalPct: 90, maxOpenPositions: 150),
        pacing: PacingLimits(
            maxTradesPerHour: 100, maxTradesPerDay: 500, minTimeBetweenTrades: .zero, cooldownAfterWin: .seconds(1800),
            cooldownAfterLoss: .seconds(7200)),
        losses: LossLimits(maxDailyLossPct: 2, maxWeeklyLossPct: 5, maxDrawdownPct: 12, timeZone: TradingCalendar(identifier: "America/New_York")!),
        breakers: BreakerLimits(
            maxQuoteStaleness: .seconds(10), apiErrorRateThresholdPct: 20, maxRateLimitHits: 3,
            statusActions: [.cancelOnly: .blockEntries, .limitOnly: .allow, .postOnly: .allow, .disabled: .blockEntries, .offline: .halt],
            haltOnCrashRegime: true),
        liquidity: LiquidityLimits(maxSpreadBps: 25, minDepthWithin20Bps: 50_000),
        sizing: SizingLimits(maxSizePct: 5, minNotional: 10, fees: FeeRates(makerBps: 40, takerBps: 60)))
    var state = RiskState()
    for minutes in [5, 17, 40, 90, 300] { state.recordTrade(at: now.advanced(by: .seconds(-60 * minutes))) }
    state.recordRealized(-5_000, at: now.advanced(by: .seconds(-3600)))
    state.recordRoundTrip(symbol: symbols[3], realizedPnL: -200, closedAt: now.advanced(by: .seconds(-600)), pacing: limits.pacing)
    state.observe(nav: 10_000_000, at: now.advanced(by: .seconds(-7200)), calendar: limits.losses.timeZone)
    let context = RiskContext(now: now, marks: marks, quotes: quotes, books: books, products: products, themes: ThemeMap(themes))
    var proposals: [TradeProposal] = []
    for index in 0..<15 {
        let symbol = index < 5 ? symbols[index * 7] : symbols[100 + index]
        proposals.append(
            TradeProposal(
                symbol: symbol, side: .buy, sizePct: Double(1 + index % 3), confidence: 0.7, conviction: .medium,
                signal: "momentum", reasons: ["breakout"]))
    }
    for index in 0..<5 {
        proposals.append(
            TradeProposal(
                symbol: symbols[50 + index], side: .sell, sizePct: 100, confidence: 0.7, conviction: .medium, signal: "momentum",
                reasons: ["exit"]))
    }
    let engine = RiskEngine(limits: limits)
    let check = engine.evaluate(proposals, portfolio: portfolio, context: context, state: state)
    precondition(check.tradingState == .active && check.approved.count >= 15, "the benchmark must run the approval path")

    Benchmark("Risk evaluation, 20 proposals, 100 positions", configuration: .init(timeUnits: .microseconds)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(engine.evaluate(proposals, portfolio: portfolio, context: context, state: state))
        }
    }
}
