import TradingEngine
import TraderCore

/// Drives ``TradingEngine`` through history against a ``SimulatedExchange``, on a simulated clock,
/// synchronously: for each bar (all symbols' bars of one open time together) the exchange first
/// fills what was working with that bar, the engine books the reports, then the engine decides at
/// the bar's close and its orders go to the exchange. Same inputs, same outputs.
public struct BacktestRunner {
    /// The engine, as the run leaves it.
    public private(set) var engine: TradingEngine
    /// The exchange, as the run leaves it.
    public private(set) var exchange: SimulatedExchange
    /// The bar interval (a bar closes this long after it opens).
    public let interval: BarInterval
    private var lastClose: [Symbol: Price] = [:]
    private(set) var result = BacktestResult()

    /// A runner for `engine` against `exchange` on bars of `interval`.
    public init(engine: TradingEngine, exchange: SimulatedExchange, interval: BarInterval) {
        self.engine = engine
        self.exchange = exchange
        self.interval = interval
    }

    /// Replays one open time's bars (at most one per symbol).
    ///
    /// - Throws: what ``TradingEngine/apply(_:to:at:)`` throws: a report the engine cannot book is
    ///   a broken invariant of the run.
    public mutating func replay(_ bars: [Symbol: Candle]) throws {
        for symbol in bars.keys.sorted() {
            let candle = bars[symbol]!
            for report in exchange.process(candle, of: symbol) { try book(report, symbol: symbol) }
            lastClose[symbol] = candle.close
            result.bars += 1
        }
        let close = bars.values.first!.time.advanced(by: .seconds(interval.seconds))
        var quotes: [Symbol: Quote] = [:]
        for (symbol, candle) in bars {
            quotes[symbol] = quote(closing: candle, of: symbol, at: close)
        }
        let outcome = engine.step(MarketSnapshot(time: close, candles: bars, quotes: quotes))
        for intent in outcome.intents {
            guard case .place(let order) = intent else { continue }
            try engine.apply(.submit, to: order.clientOrderID, at: close)
            for report in exchange.submit(order, at: close, quote: quotes[order.symbol]!) { try book(report, symbol: order.symbol) }
        }
        result.end = close
    }

    /// The result so far, with the final equity at the last closes.
    public func finish() throws -> BacktestResult {
        var final = result
        final.finalEquity = try engine.portfolio.nav(marks: lastClose)
        return final
    }

    /// The quote a bar implies at its close: the bid at the close and the ask one price increment
    /// above (a bar carries no spread; one tick is the narrowest a book can have), sized at the
    /// bar's volume.
    private func quote(closing candle: Candle, of symbol: Symbol, at time: Timestamp) -> Quote {
        let tick = engine.configuration.products[symbol]?.priceIncrement.value ?? FixedPoint(raw: 1)
        let ask = (try? candle.close.value.adding(tick)) ?? candle.close.value
        return Quote(symbol: symbol, bid: candle.close, ask: Price(ask), bidSize: candle.volume, askSize: candle.volume, time: time)
    }

    private mutating func book(_ report: VenueReport, symbol: Symbol) throws {
        try engine.apply(report.event, to: report.clientOrderID, at: report.time)
        switch report.event {
        case .fill(let fill):
            let side = engine.orders[report.clientOrderID]!.side
            result.fills.append((symbol, side, fill))
            result.feesPaid = try result.feesPaid.adding(fill.fee.amount)
            if side == .sell, engine.portfolio.positions[symbol]?.isFlat ?? true { result.roundTrips += 1 }
        case .reject:
            result.rejectedOrders += 1
        default:
            break
        }
    }
}
