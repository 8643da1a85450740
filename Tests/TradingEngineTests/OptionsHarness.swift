import Backtest
import Foundation
import RiskKit
import TradingEngine
import TraderCore

/// An options-bot engine on SPY-USD driven by hand: the EMA 2/3 crossover (a bullish cross on bar
/// 4, which buys a call), one-minute bars from Tuesday 2 March 2021 09:30 New York time, the
/// 5 and 12 March weeklies struck 400 to 420, 1 % of equity risked per trade with the stop at half
/// the premium, the take-profit at double, and NYSE's sessions.
struct OptionsHarness {
    static let spy = Symbol(base: "SPY", quote: "USD")
    /// 2021-03-02T14:30:00Z, 09:30 in New York (EST).
    static let open = Timestamp(secondsSinceEpoch: 1_614_695_400)
    static let chain = OptionChain(
        underlying: spy, multiplier: 100, expiries: ["20210305", "20210312"], strikes: (400...420).map { Price(FixedPoint($0)) })
    /// The call the bot buys on bar 4: the 5 March 410 (three days out, the strike nearest 410.005).
    static let call = OptionContract(underlying: spy, expiry: "20210305", strike: Price(FixedPoint(410)), right: .call)

    var engine: TradingEngine
    private(set) var bar = 0
    /// The option quotes each snapshot carries (the picked call's by default).
    var optionQuotes: [OptionContract: Quote]
    /// Where the bars are: the first bar's close; each step moves on a minute.
    var start = open

    init(portfolio: Portfolio = Portfolio(currency: .usd, cash: 100_000), configure: (inout EngineConfiguration) -> Void = { _ in }) throws {
        var configuration = EMACrossoverPreset.configuration(symbol: Self.spy, quantity: Quantity("1")!)
        configuration.signals = [.init(name: "ema_cross", parameters: ["fast_period": 2, "slow_period": 3])]
        configuration.products[Self.spy] = ProductRules(
            symbol: Self.spy, baseIncrement: Quantity("1")!, priceIncrement: Price("0.01")!, minSize: Quantity("1")!,
            maxSize: Quantity("100000")!, minNotional: .zero, status: .online)
        configuration.execution = ExecutionPolicy(style: .limit(improvementTicks: 0), strategyID: "opt")
        configuration.rules.tradesOptions = true
        configuration.risk.options = OptionLimits(
            sizer: OptionContractSizer(maxRiskPct: 1, stopLossPct: 50), sessions: ExchangeSessions.nyse(), minAskSize: Quantity("1")!)
        configuration.options = OptionsConfiguration(picker: OptionPicker(), takeProfitPct: 100)
        configure(&configuration)
        engine = try TradingEngine(configuration: configuration, portfolio: portfolio)
        optionQuotes = [Self.call: Self.quote(Self.call, bid: "2.00", ask: "2.10", at: Self.open)]
    }

    /// A quote of `contract` showing 50 contracts a side.
    static func quote(_ contract: OptionContract, bid: String, ask: String, at time: Timestamp) -> Quote {
        Quote(symbol: contract.underlying, bid: Price(bid)!, ask: Price(ask)!, bidSize: Quantity("50")!, askSize: Quantity("50")!, time: time)
    }

    /// The decision instant of the next bar.
    var now: Timestamp { start.advanced(bySeconds: Int64(bar + 1) * 60) }

    /// Steps the next bar: SPY at 400 until bar 4, 410 from it (quoted a cent wide), with the
    /// option quotes restamped to the bar.
    mutating func step(underlying: String? = nil) -> CycleOutcome {
        let time = now
        let close = Price(underlying ?? (bar < 4 ? "400" : "410"))!
        let candle = Candle(time: time.advanced(bySeconds: -60), open: close, high: close, low: close, close: close, volume: Quantity("1000")!)
        let quote = Quote(
            symbol: Self.spy, bid: close, ask: Price(try! close.value.adding(FixedPoint("0.01")!)), bidSize: Quantity("100")!,
            askSize: Quantity("100")!, time: time)
        var snapshot = MarketSnapshot(time: time, candles: [Self.spy: candle], quotes: [Self.spy: quote])
        snapshot.optionChains = [Self.spy: Self.chain]
        snapshot.optionQuotes = optionQuotes.mapValues {
            Quote(symbol: $0.symbol, bid: $0.bid, ask: $0.ask, bidSize: $0.bidSize, askSize: $0.askSize, time: time)
        }
        bar += 1
        return engine.step(snapshot)
    }

    /// Moves the bars on so that the next one closes at `time`.
    mutating func jump(to time: Timestamp) {
        start = time.advanced(bySeconds: -Int64(bar + 1) * 60)
    }

    /// Sets the call's quote.
    mutating func quoteCall(bid: String, ask: String) {
        optionQuotes[Self.call] = Self.quote(Self.call, bid: bid, ask: ask, at: now)
    }

    /// Steps until an order is placed, and returns it with its outcome.
    mutating func stepUntilAnOrder() throws -> (Order, CycleOutcome) {
        for _ in 0..<10 {
            let outcome = step()
            for case .place(let order, _) in outcome.intents { return (order, outcome) }
        }
        throw HarnessError.noOrder
    }

    /// The venue takes `order` and fills it whole at `price`, fee `fee`.
    mutating func fillWhole(_ order: Order, at price: String, fee: String = "0", tradeID: String) throws {
        let time = now.advanced(bySeconds: -30)
        try engine.apply(.submit, to: order.clientOrderID, at: time)
        try engine.apply(.accept(VenueOrderID("v-\(tradeID)")), to: order.clientOrderID, at: time)
        try engine.apply(
            .fill(
                Fill(
                    tradeID: TradeID(tradeID), price: Price(price)!, quantity: order.quantity, fee: Money(FixedPoint(fee)!, .usd),
                    liquidity: .taker, time: time)), to: order.clientOrderID, at: time)
        _ = engine.removeSettledOrder(order.clientOrderID)
    }

    /// Buys the call on bar 4 (9 contracts at 2.10) and fills it.
    mutating func holdCall() throws -> Order {
        let (order, _) = try stepUntilAnOrder()
        try fillWhole(order, at: "2.10", tradeID: "entry")
        return order
    }

    /// The intents of an outcome in words, for exact comparisons.
    static func summary(_ outcome: CycleOutcome) -> [String] {
        func words(_ order: Order) -> String {
            switch order.kind {
            case .market: "\(order.clientOrderID) \(order.side.rawValue) \(order.quantity) market"
            case .limit(let price, _): "\(order.clientOrderID) \(order.side.rawValue) \(order.quantity) limit \(price)"
            case .stop(let trigger): "\(order.clientOrderID) \(order.side.rawValue) \(order.quantity) stop \(trigger)"
            }
        }
        return outcome.intents.map {
            switch $0 {
            case .place(let order, _): "place " + words(order)
            case .placeBracket(let bracket, _): "bracket " + bracket.orders.map(words).joined(separator: "; ")
            case .cancel(let id, let reason): "cancel \(id) \(reason)"
            case .lookup(let id): "lookup \(id)"
            }
        }
    }

    /// With the call held, quotes it at double the premium (mid 4.25) and has the venue take the
    /// take-profit the bracket sends (a limit at 4.20, left resting), which it returns.
    mutating func restTakeProfit() throws -> Order {
        quoteCall(bid: "4.20", ask: "4.30")
        for case .place(let order, _) in step().intents {
            try engine.apply(.submit, to: order.clientOrderID, at: now)
            try engine.apply(.accept(VenueOrderID("v-tp")), to: order.clientOrderID, at: now)
            return order
        }
        throw HarnessError.noOrder
    }

    enum HarnessError: Error { case noOrder }
}
