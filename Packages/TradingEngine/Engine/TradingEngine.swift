import RiskKit
import Signals
import TraderCore

/// The one engine behind backtest, paper and live (DESIGN.md §3): `step` turns a market snapshot
/// into decisions (signals and rules, then risk, then execution planning) and `apply` books what
/// the venue reports. It does no I/O and reads no clock: the same snapshots and events always give
/// the same outcomes.
public struct TradingEngine: Sendable {
    /// What it was built from.
    public let configuration: EngineConfiguration
    /// Cash, positions and working orders.
    public private(set) var portfolio: Portfolio
    /// What the risk layer remembers between cycles.
    public private(set) var riskState: RiskState
    /// Orders the engine created, by client order id, with their full histories.
    public private(set) var orders: [ClientOrderID: Order] = [:]
    /// Cycles run so far.
    public private(set) var cycle = 0

    private var scanner: SignalScanner
    private let rules: RulesEngine
    private let risk: RiskEngine
    private let planner: ExecutionPlanner
    private var intentSequence = 0
    private var marks: SymbolMap<Price> = [:]
    /// When the risk state is next pruned (an hour of market time after the last pruning: often
    /// enough to keep it small, rarely enough that pruning costs nothing per cycle).
    private var nextPruning = Timestamp(nanosecondsSinceEpoch: .min)

    /// An engine starting with `portfolio`.
    ///
    /// - Throws: ``SignalRegistry/Problem`` for a signal that cannot be built.
    public init(configuration: EngineConfiguration, portfolio: Portfolio, riskState: RiskState = RiskState()) throws {
        self.configuration = configuration
        self.portfolio = portfolio
        self.riskState = riskState
        scanner = try SignalScanner(
            symbols: Array(configuration.products.keys), specs: configuration.signals, guardConfiguration: configuration.badTickGuard)
        rules = RulesEngine(configuration: configuration.rules)
        risk = RiskEngine(limits: configuration.risk)
        planner = ExecutionPlanner(policy: configuration.execution)
    }

    /// Decides on one snapshot.
    public mutating func step(_ snapshot: MarketSnapshot) -> CycleOutcome {
        cycle += 1
        for (symbol, quote) in snapshot.quotes { marks[symbol] = quote.mid }
        let decision = rules.evaluate(scanner.scan(snapshot.candles))
        guard !decision.proposals.isEmpty else {
            return CycleOutcome(
                cycle: cycle, time: snapshot.time, proposals: [], suppressions: decision.suppressions, risk: nil, intents: [],
                noTradeReason: "no_signal")
        }
        if snapshot.time >= nextPruning {
            riskState.prune(at: snapshot.time)
            nextPruning = snapshot.time.advanced(bySeconds: 3600)
        }
        let context = RiskContext(
            now: snapshot.time, marks: marks, quotes: snapshot.quotes, books: snapshot.books, products: configuration.products, themes: configuration.themes)
        let evaluation = risk.evaluate(decision.proposals, portfolio: portfolio, context: context, state: riskState)
        var intents: [OrderIntent] = []
        for trade in evaluation.approved {
            let symbol = trade.proposal.symbol
            guard let rules = configuration.products[symbol], let quote = snapshot.quotes[symbol] else { continue }
            intentSequence += 1
            guard let order = planner.order(for: trade, rules: rules, quote: quote, sequence: intentSequence) else { continue }
            orders[order.clientOrderID] = order
            try? portfolio.track(order)
            riskState.recordTrade(at: snapshot.time)
            intents.append(.place(order, proposal: trade.proposal))
        }
        let reason: String? =
            !intents.isEmpty ? nil : evaluation.approved.isEmpty ? "all_proposals_rejected" : "no_valid_order"
        return CycleOutcome(
            cycle: cycle, time: snapshot.time, proposals: decision.proposals, suppressions: decision.suppressions,
            risk: evaluation, intents: intents, noTradeReason: reason)
    }

    /// Applies a venue event to one of the engine's orders: the state machine first, then, for a
    /// fill, the portfolio, the realized ledger and the cooldown after a round trip.
    ///
    /// - Throws: ``EngineError`` `unknown_order`; ``OrderTransitionError`` for an event the order's
    ///   state does not allow (a duplicate fill, an overfill); portfolio errors. Nothing changes
    ///   when it throws.
    public mutating func apply(_ event: Order.Event, to clientOrderID: ClientOrderID, at time: Timestamp) throws {
        guard var order = orders[clientOrderID] else {
            throw EngineError(.unknownOrder, "event \(event.kind.rawValue) for an order this engine did not create: \(clientOrderID)")
        }
        try order.apply(event, at: time)
        // Everything that can throw runs before anything changes, and the portfolio and risk state
        // are changed in place (copies of them would copy every position and working order).
        try portfolio.requireQuote(order.symbol)
        if case .fill(let fill) = event {
            // The realized ledger that loss stops read moves by each fill's net effect: a buy's
            // fee, a sell's profit or loss after its fee. A sell that closes the position ends a
            // round trip and starts the symbol's cooldown.
            let held = portfolio.positions[order.symbol] ?? Position(symbol: order.symbol)
            var position = held
            try position.apply(fill, side: order.side)
            let realized = try position.netRealizedPnL.subtracting(held.netRealizedPnL)
            try portfolio.book(fill, of: clientOrderID)  // books the same change; changes nothing when it throws
            if order.side == .sell && position.isFlat {
                riskState.recordRoundTrip(symbol: order.symbol, realizedPnL: realized, closedAt: time, pacing: configuration.risk.pacing)
            } else if !realized.isZero {
                riskState.recordRealized(realized, at: time)
            }
        }
        try! portfolio.track(order)  // its only check, the quote currency, passed above
        orders[clientOrderID] = order
    }

    /// Removes a terminal order (filled, cancelled, expired or rejected) from the engine and
    /// returns it, for the state store or a backtest's artifacts; a run that hands settled orders
    /// on this way keeps its memory bounded. Working orders stay: `nil` for them and for ids the
    /// engine does not hold.
    public mutating func removeSettledOrder(_ clientOrderID: ClientOrderID) -> Order? {
        guard let order = orders[clientOrderID], order.status.isTerminal else { return nil }
        orders[clientOrderID] = nil
        return order
    }

    /// The latest mark (quote mid) of each symbol seen.
    public var latestMarks: SymbolMap<Price> { marks }
}
