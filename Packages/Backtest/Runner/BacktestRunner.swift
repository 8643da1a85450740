import Analytics
import TradingEngine
import TraderCore

/// Drives ``TradingEngine`` through history against a ``SimulatedExchange``, on a simulated clock,
/// synchronously. Feed bars in time order with ``replay(_:of:)``; the bars of one open time (one
/// per symbol) are decided together:
///
/// 1. the exchange fills what was working with each bar, in symbol order, and the engine books
///    the reports (no order ever fills on the bar whose close decided it: no look-ahead);
/// 2. the engine decides at the bars' close (open time + interval) on a bar-implied quote (each
///    symbol's latest, for a symbol without a bar this time): bid =
///    close, ask = close + one price increment, both sized at the bar's volume times the fill
///    model's participation rate (and, when the risk layer measures depth, a one-level book of
///    the same);
/// 3. its orders go to the exchange, stamped with the decision's signal, regime and mid;
/// 4. exposure is checked against the caps (``ExposureMonitor``) when an entry was placed, and the
///    equity point (cash plus positions at the closes) is added to the curve.
///
/// Settled orders, round trips and bar states go to the ``BacktestRecorder`` as they happen, so
/// memory does not grow with the length of the run. Same inputs, same outputs.
public struct BacktestRunner<Recorder: BacktestRecorder> {
    /// The engine, as the run leaves it.
    public private(set) var engine: TradingEngine
    /// The exchange, as the run leaves it.
    public private(set) var exchange: SimulatedExchange
    /// The bar interval (a bar closes this long after it opens).
    public let interval: BarInterval

    private let monitor: ExposureMonitor
    private var tracker: RoundTripTracker
    /// The round trips a fill closed, refilled on every fill.
    private var closedTrips: [RoundTrip] = []
    private var curve: EquityCurveStatistics
    private var statistics = RoundTripStatistics()
    private var tally = FillTally()
    /// Each working order's origin, and its side (read on every fill: reading it from the engine's
    /// order would copy the order).
    private var placements: [ClientOrderID: (origin: OrderOrigin, side: OrderSide)] = [:]
    /// The bars of the open time being gathered (its candles), then the decision's snapshot; one
    /// snapshot refilled in place, so the per-bar path allocates nothing.
    private var snapshot = MarketSnapshot(time: Timestamp(nanosecondsSinceEpoch: 0), candles: [:], quotes: [:])
    /// The engine's outcome, refilled in place on every cycle.
    private var outcome = CycleOutcome()
    /// The exchange's events on one bar, refilled in place.
    private var events: [VenueEvent] = []
    private var groupTime: Timestamp?
    private var lastClose: SymbolMap<Price> = [:]
    /// Each traded symbol's price increment (the bar-implied spread).
    private let ticks: SymbolMap<FixedPoint>
    /// Whether the risk layer measures book depth (then each bar implies a one-level book).
    private let measuresDepth: Bool
    /// The fill model's participation rate, which sizes the bar-implied quotes.
    private let participationRate: FixedPoint?
    private var counts = (bars: 0, orders: 0, rejected: 0)
    private var violations: [ExposureMonitor.Violation] = []
    /// The symbols a cycle's entries were placed for, refilled in place.
    private var entered: [Symbol] = []
    private var decisions = DecisionTally()
    private var end: Timestamp?
    /// `Recorder.recordsBars`, read once (a generic runner asks the witness table on every call).
    private let recordsBars = Recorder.recordsBars
    /// Where records go.
    // perf: declared last. A generic runner computes the offset of every field after this one at
    // run time, and all the others are read on every bar.
    public private(set) var recorder: Recorder

    /// A runner for `engine` against `exchange` on bars of `interval`, recording to `recorder`.
    ///
    /// - Parameters:
    ///   - tiers: each symbol's universe tier, for the round trips' breakdown.
    ///   - riskFreeRate: the annual risk-free rate of the Sharpe and Sortino ratios.
    public init(
        engine: TradingEngine, exchange: SimulatedExchange, interval: BarInterval, recorder: Recorder,
        tiers: [Symbol: String] = [:], riskFreeRate: Double = 0
    ) {
        self.engine = engine
        self.exchange = exchange
        self.interval = interval
        self.recorder = recorder
        monitor = ExposureMonitor(
            limits: engine.configuration.risk.exposure, themes: engine.configuration.themes, tiers: engine.universe.tierMap)
        tracker = RoundTripTracker(tiers: tiers)
        ticks = SymbolMap(engine.configuration.products.map { ($0.key, $0.value.priceIncrement.value) })
        measuresDepth = engine.configuration.risk.liquidity.minDepthWithin20Bps.raw > 0
        participationRate = exchange.model.participationRate
        curve = EquityCurveStatistics(periodsPerYear: interval.barsPerYear, riskFreeRate: riskFreeRate)
    }

    /// Replays one bar. Bars must come in time order; a bar later than the ones before it first
    /// completes their time.
    ///
    /// - Precondition: `candle` is not earlier than the previous bar, and `symbol` has no other
    ///   bar at its time.
    /// - Throws: what ``TradingEngine/apply(_:)-(VenueEvent)`` throws (an event the engine cannot book is a
    ///   broken invariant of the run), arithmetic overflow, and the recorder's errors.
    public mutating func replay(_ candle: Candle, of symbol: Symbol) throws {
        if let time = groupTime, candle.time != time {
            precondition(candle.time > time, "bars must come in time order: \(candle.time) after \(time)")
            try completeGroup(openedAt: time)
        }
        let earlier = snapshot.candles.updateValue(candle, for: symbol)
        precondition(earlier == nil, "two bars of \(symbol) at \(candle.time)")
        groupTime = candle.time
    }

    /// Completes the last bar time, records the orders still working, and returns the result.
    ///
    /// - Throws: as ``replay(_:of:)``; ``Portfolio/Error`` when a held symbol has no close.
    public mutating func finish() throws -> BacktestResult {
        if let time = groupTime { try completeGroup(openedAt: time) }
        for id in engine.orders.keys.sorted() {
            try recorder.record(order: engine.orders[id]!, origin: placements[id]?.origin)
        }
        let finalEquity = try engine.portfolio.nav(marks: lastClose)
        return BacktestResult(
            bars: counts.bars, orders: counts.orders, rejectedOrders: counts.rejected, fills: tally.fills,
            roundTrips: statistics.all.trades, feesPaid: tally.fees, openLotFees: try tracker.openFees(), finalEquity: finalEquity, end: end,
            metrics: PerformanceMetrics(curve: curve, roundTrips: statistics, fills: tally), decisions: decisions,
            violations: violations)
    }

    /// Decides the bars of one open time. Always inlined (into `replay`, and `finish` once): the
    /// call, with a generic runner's context, costs more than a quiet bar's own bookkeeping.
    @inline(__always) private mutating func completeGroup(openedAt open: Timestamp) throws {
        if curve.points == 0 {
            var opens = lastClose
            for (symbol, candle) in snapshot.candles { opens[symbol] = candle.open }
            let equity = try engine.portfolio.nav(marks: opens)
            curve.add(EquityPoint(time: open, equity: equity, exposed: engine.portfolio.holdsPositions))
        }
        let close = open.advanced(bySeconds: interval.seconds)
        snapshot.time = close
        // Quotes and books stay the latest of each symbol; the bars of this time replace theirs.
        // The exchange fills on the bars alone, so each bar is filled against and quoted in one pass.
        // By index: iterating would hold the candles' storage (a retain and a release) while the
        // snapshot's quotes change.
        for index in snapshot.candles.indices {
            let (symbol, candle) = snapshot.candles[index]
            if exchange.hasWorkingOrders { try fillWorkingOrders(on: candle, of: symbol) }
            // Set through `updateValue`, which is always inlined (a subscript's setter is a call).
            lastClose.updateValue(candle.close, for: symbol)
            counts.bars += 1
            let quote = quote(closing: candle, of: symbol, at: close)
            snapshot.quotes.updateValue(quote, for: symbol)
            if measuresDepth {
                snapshot.books[symbol] = BookSnapshot(
                    symbol: symbol, bids: [.init(price: quote.bid, quantity: quote.bidSize)],
                    asks: [.init(price: quote.ask, quantity: quote.askSize)], time: close)
            }
        }
        engine.step(snapshot, into: &outcome)
        snapshot.candles.removeAll(keepingCapacity: true)
        groupTime = nil
        decisions.count(outcome)
        if !outcome.intents.isEmpty { try send(outcome.intents, at: close) }
        let exposed = engine.portfolio.holdsPositions
        // Holding nothing, the equity is the cash: nothing to value.
        let equity = exposed ? try engine.portfolio.nav(marks: lastClose) : engine.portfolio.cash
        curve.add(EquityPoint(time: close, equity: equity, exposed: exposed))
        if recordsBars {
            let state = BarState(
                time: close, equity: equity, exposed: exposed, portfolio: engine.portfolio, marks: engine.latestMarks)
            try recorder.record(bar: state)
        }
        end = close
    }

    /// Sends the cycle's intents to the exchange, books what it answers, and checks the exposure
    /// caps when an entry was placed.
    private mutating func send(_ intents: [OrderIntent], at close: Timestamp) throws {
        if !entered.isEmpty { entered.removeAllKeepingCapacity() }
        for index in intents.indices {  // by index: `for intent in` copies each intent, and its order, once more
            switch intents[index] {
            case .place(let order, let proposal):
                let quote = snapshot.quotes[order.symbol]!
                placements[order.clientOrderID] = (
                    OrderOrigin(signal: proposal.signal, regime: proposal.regime, decisionMid: quote.mid), order.side
                )
                counts.orders += 1
                if order.side == .buy { entered.append(order.symbol) }
                try engine.apply(.submit, to: order.clientOrderID, at: close)
                try book(exchange.submit(order, at: close, quote: quote), symbol: order.symbol)
            case .cancel(let id, _):
                let symbol = engine.orders[id]!.symbol
                let event =
                    exchange.cancel(id, at: close)
                    ?? VenueEvent(clientOrderID: id, change: .cancelRejected(reason: "not working at the venue"), time: close)
                try book(event, symbol: symbol)
            case .lookup(let id):
                try book(exchange.lookup(id, at: close), symbol: engine.orders[id]!.symbol)
            case .placeBracket(let bracket, _):
                throw EngineError(
                    .unsupportedState, "bracket \(bracket.orders[0].clientOrderID): the simulated exchange places no native brackets (emulate the exits)")
            }
        }
        if !entered.isEmpty {
            let found = monitor.violations(of: engine.portfolio, marks: engine.latestMarks, entered: entered, at: close)
            if !found.isEmpty { violations += found }
        }
    }

    /// Runs the bar against the exchange's working orders and books what it reports.
    private mutating func fillWorkingOrders(on candle: Candle, of symbol: Symbol) throws {
        // The buffer is taken out while the events are booked (booking changes the runner), and
        // put back emptied with its storage. (Not in a `defer`, which would stay out of line: a run
        // that throws here is over, and the buffer does not matter.)
        var filled = events
        events = []
        exchange.process(candle, of: symbol, into: &filled)
        for event in filled { try book(event, symbol: symbol) }
        if !filled.isEmpty { filled.removeAllKeepingCapacity() }
        events = filled
    }

    /// The quote a bar implies at its close: the bid at the close and the ask one price increment
    /// above (a bar carries no spread; one tick is the narrowest a book can have), each side sized
    /// at what the fill model lets trade on a bar: the bar's volume times the participation rate.
    /// Always inlined: the quote is then built where it is stored, not copied out of a call.
    @inline(__always) private func quote(closing candle: Candle, of symbol: Symbol, at time: Timestamp) -> Quote {
        let tick = ticks[symbol] ?? FixedPoint(raw: 1)
        let ask = (try? candle.close.value.adding(tick)) ?? candle.close.value
        var size = candle.volume
        if let rate = participationRate {
            size = Quantity((try? candle.volume.value.multiplied(by: rate, rounding: .down)) ?? .zero)
        }
        return Quote(symbol: symbol, bid: candle.close, ask: Price(ask), bidSize: size, askSize: size, time: time)
    }

    private mutating func book(_ event: VenueEvent, symbol: Symbol) throws {
        let id = event.clientOrderID
        let status = try engine.apply(event).status
        switch event.change {
        case .filled(let fill):
            try tally.record(fill)
            // An order the runner did not place (restored with the engine) has no origin here.
            let placement =
                placements[id]
                ?? (.unknown(filledAt: fill.price), engine.orders[id]!.side)
            try tracker.record(fill, symbol: symbol, side: placement.side, origin: placement.origin, order: id, into: &closedTrips)
            for trip in closedTrips {
                try statistics.add(trip)
                try recorder.record(roundTrip: trip)
            }
            closedTrips.removeAll(keepingCapacity: true)
        case .rejected:
            counts.rejected += 1
        default:
            break
        }
        if status.isTerminal, let settled = engine.removeSettledOrder(id) {
            try recorder.record(order: settled, origin: placements.removeValue(forKey: id)?.origin)
        }
    }
}

extension BacktestRunner where Recorder == DiscardingRecorder {
    /// A runner that keeps no records, only the result.
    public init(engine: TradingEngine, exchange: SimulatedExchange, interval: BarInterval, tiers: [Symbol: String] = [:]) {
        self.init(engine: engine, exchange: exchange, interval: interval, recorder: DiscardingRecorder(), tiers: tiers)
    }
}
