import Backtest
import TradingEngine
import TraderCore

/// An engine on the EMA crossover preset (EMA 2/3 here, so a cross comes on bar 4) fed one-minute
/// BTC-USD bars by hand: closes 10, 10, 10, 10, then 20 and level, which crosses up once, on bar 4.
/// Quotes are the close and a cent above.
struct EngineHarness {
    static let btc = Symbol(base: "BTC", quote: "USD")
    var engine: TradingEngine
    private(set) var bar = 0
    /// Product rules the next snapshot carries as changed by the venue.
    var productUpdates: [ProductRules] = []

    init(execution: ExecutionPolicy, universe: UniverseConfiguration = .allProducts, runEpoch: Int64? = nil, exits: ExitRules? = nil) throws {
        var configuration = EMACrossoverPreset.configuration(symbol: Self.btc, quantity: Quantity("0.01")!)
        configuration.signals = [.init(name: "ema_cross", parameters: ["fast_period": 2, "slow_period": 3])]
        configuration.products[Self.btc] = ProductRules(
            symbol: Self.btc, baseIncrement: Quantity("0.00000001")!, priceIncrement: Price("0.01")!, minSize: Quantity("0.00000001")!,
            maxSize: Quantity("1000")!, minNotional: .zero, status: .online)
        configuration.execution = execution
        configuration.universe = universe
        configuration.exits = exits
        engine = try TradingEngine(configuration: configuration, portfolio: Portfolio(currency: .usd, cash: 100_000), runEpoch: runEpoch)
    }

    /// The decision instant of bar `index` (its close).
    static func close(ofBar index: Int) -> Timestamp { Timestamp(secondsSinceEpoch: Int64(index + 1) * 60) }

    /// Steps the next bar.
    mutating func step() -> CycleOutcome {
        engine.step(nextSnapshot())
    }

    /// Steps the next bar into `outcome`, as a shell that keeps one outcome does.
    mutating func step(into outcome: inout CycleOutcome) {
        engine.step(nextSnapshot(), into: &outcome)
    }

    /// Bar `index`: 10 until bar 4, 20 from it.
    static func candle(ofBar index: Int) -> Candle {
        let price = Price(index < 4 ? "10" : "20")!
        return Candle(
            time: close(ofBar: index).advanced(bySeconds: -60), open: price, high: price, low: price, close: price, volume: Quantity("100")!)
    }

    /// The next bar's snapshot (moving on to the bar after it).
    private mutating func nextSnapshot() -> MarketSnapshot {
        let candle = Self.candle(ofBar: bar)
        let price = candle.close
        let time = Self.close(ofBar: bar)
        let ask = Price(try! price.value.adding(FixedPoint("0.01")!))
        let quote = Quote(symbol: Self.btc, bid: price, ask: ask, bidSize: Quantity("100")!, askSize: Quantity("100")!, time: time)
        bar += 1
        defer { productUpdates = [] }
        return MarketSnapshot(time: time, candles: [Self.btc: candle], quotes: [Self.btc: quote], productUpdates: productUpdates)
    }

    /// Moves on `count` bars without stepping them (the bars a stopped process missed).
    mutating func skip(_ count: Int) {
        bar += count
    }

    /// Steps bars until one places an order, and returns it.
    mutating func stepUntilAnOrder() throws -> Order {
        for _ in 0..<10 {
            for case .place(let order, _) in step().intents { return order }
        }
        throw HarnessError.noOrder
    }

    /// Steps until an order is placed, then has the venue take it (submitted and accepted at the
    /// decision instant, or left `unknown` by an ambiguous submit).
    mutating func placeAndSubmit(ambiguously: Bool = false) throws -> Order {
        let order = try stepUntilAnOrder()
        let time = Self.close(ofBar: bar - 1)
        try engine.apply(.submit, to: order.clientOrderID, at: time)
        try engine.apply(ambiguously ? .submitOutcomeUnknown(reason: "timeout after 10 s") : .accept(VenueOrderID("venue-1")), to: order.clientOrderID, at: time)
        return order
    }

    /// A fill of `quantity` at 20, half a bar after the last decision.
    func fill(_ quantity: String, tradeID: String = "trade-1", fee: String = "0") -> Fill {
        Fill(
            tradeID: TradeID(tradeID), price: Price("20")!, quantity: Quantity(quantity)!, fee: Money(FixedPoint(fee)!, .usd),
            liquidity: .maker, time: Self.close(ofBar: bar - 1).advanced(bySeconds: 30))
    }

    /// The intents of an outcome with orders reduced to their ids, for exact comparisons.
    static func summary(_ outcome: CycleOutcome) -> [String] {
        outcome.intents.map {
            switch $0 {
            case .place(let order, _): "place \(order.clientOrderID) \(order.quantity)"
            case .placeBracket(let bracket, _): "bracket " + bracket.orders.map { "\($0.clientOrderID) \($0.quantity)" }.joined(separator: ", ")
            case .cancel(let id, let reason): "cancel \(id) \(reason)"
            case .lookup(let id): "lookup \(id)"
            }
        }
    }

    enum HarnessError: Error { case noOrder }
}
