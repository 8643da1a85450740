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
    public internal(set) var portfolio: Portfolio
    /// What the risk layer remembers between cycles.
    public internal(set) var riskState: RiskState
    /// Orders the engine created, by client order id, with their full histories.
    public private(set) var orders: [ClientOrderID: Order] = [:]
    /// Cycles run so far.
    public private(set) var cycle = 0
    /// The rules of each product as the venue last gave them: the configuration's at the start,
    /// then each snapshot's ``MarketSnapshot/productUpdates`` (a status change, new increments)
    /// from its cycle on. A restored engine starts again from the configuration's, which a live
    /// shell refreshes from the venue at start-up.
    public private(set) var products: [Symbol: ProductRules]

    /// The emulated brackets on the option positions (the options bot; see ``OptionBracket``).
    public internal(set) var brackets: [OptionBracket] = []
    /// What the exits remember of each open spot position (empty without `exits`).
    public internal(set) var exitWatches: [Symbol: ExitWatch] = [:]
    /// Each symbol's average true range, for an ATR stop (warmed as the signals are; not saved).
    var exitRanges: [Symbol: AverageTrueRange] = [:]
    /// What may be entered now.
    public private(set) var universe: UniverseManager
    private var manager: OrderManager
    private(set) var scanner: SignalScanner
    private let rules: RulesEngine
    private let risk: RiskEngine
    let planner: ExecutionPlanner
    var intentSequence = 0
    /// The orders most recently handed out by ``removeSettledOrder(_:)``, so that a fill the venue
    /// reports after an order settled (routine after a cancel) still books, once per trade id.
    var recentlySettled = SettledOrders()
    private(set) var marks: SymbolMap<Price> = [:]
    /// When the risk state is next pruned (an hour of market time after the last pruning: often
    /// enough to keep it small, rarely enough that pruning costs nothing per cycle).
    private var nextPruning = Timestamp(nanosecondsSinceEpoch: .min)

    /// The run's epoch, part of every client order id it makes (from
    /// the state store's `beginRun(at:)`), so that no later run reissues an id the venue has seen
    /// (a restart from an older snapshot, a fresh store); `nil` in a backtest, whose ids go nowhere.
    public let runEpoch: Int64?

    /// An engine starting with `portfolio`, its order ids carrying `runEpoch` when given.
    ///
    /// - Throws: ``SignalRegistry/Problem`` for a signal that cannot be built.
    public init(configuration: EngineConfiguration, portfolio: Portfolio, riskState: RiskState = RiskState(), runEpoch: Int64? = nil) throws {
        try self.init(configuration: configuration, portfolio: portfolio, riskState: riskState, runEpoch: runEpoch, whaleStates: [:])
    }

    private init(
        configuration: EngineConfiguration, portfolio: Portfolio, riskState: RiskState, runEpoch: Int64?,
        whaleStates: [Symbol: WhaleSignal.State]
    ) throws {
        self.configuration = configuration
        self.portfolio = portfolio
        self.riskState = riskState
        products = configuration.products
        scanner = try SignalScanner(
            symbols: Array(configuration.products.keys), specs: configuration.signals, guardConfiguration: configuration.badTickGuard,
            whaleStates: whaleStates)
        rules = RulesEngine(configuration: configuration.rules)
        risk = RiskEngine(limits: configuration.risk)
        self.runEpoch = runEpoch
        planner = ExecutionPlanner(policy: configuration.execution, runEpoch: runEpoch)
        manager = OrderManager(policy: configuration.execution)
        universe = UniverseManager(configuration: configuration.universe)
    }

    /// An engine that picks up where a saved one left off (see ``EngineState``): the same
    /// portfolio, risk memory, orders, follow-ups, red flags and counters, under `configuration`
    /// (which may have changed since: new limits apply from the next cycle), its new order ids
    /// carrying `runEpoch` (this run's, not the saved one's). The whale signal's debounce is
    /// restored; indicators start cold until ``warmUp(with:)`` feeds them stored candles.
    ///
    /// - Throws: ``EngineError`` `unsupported_state` for another format, `inconsistent_state` when
    ///   a working order of the portfolio is not one of the engine's orders;
    ///   ``SignalRegistry/Problem`` for a signal that cannot be built.
    public init(configuration: EngineConfiguration, restoring state: EngineState, runEpoch: Int64? = nil) throws {
        guard state.format == EngineState.currentFormat else {
            throw EngineError(.unsupportedState, "saved engine state has format \(state.format); this version reads \(EngineState.currentFormat)")
        }
        for (id, working) in state.portfolio.workingOrders
        where state.orders[id].map({ $0.status.isWorking ? WorkingOrder($0) : nil }) != working {
            throw EngineError(.inconsistentState, "working order \(id) is not among the saved engine's orders as it is")
        }
        try self.init(
            configuration: configuration, portfolio: state.portfolio, riskState: state.riskState, runEpoch: runEpoch,
            whaleStates: state.whaleStates)
        orders = state.orders
        cycle = state.cycle
        intentSequence = state.intentSequence
        nextPruning = state.nextPruning
        marks = state.marks
        brackets = state.brackets
        exitWatches = state.exitWatches
        universe = UniverseManager(configuration: configuration.universe, redFlags: state.redFlags, discovered: state.discovered)
        manager = OrderManager(
            policy: configuration.execution, placements: state.placements, cancelling: Set(state.cancelling),
            dueRequotes: state.dueRequotes, awaitingLookup: Set(state.awaitingLookup))
    }

    /// Everything the engine has learned by trading, to save after a cycle (indicators excepted;
    /// see ``EngineState``).
    public var state: EngineState {
        EngineState(
            cycle: cycle, portfolio: portfolio, riskState: riskState, orders: orders, universe: universe, marks: marks,
            whaleStates: scanner.whaleStates, brackets: brackets, exitWatches: exitWatches, intentSequence: intentSequence, nextPruning: nextPruning,
            manager: manager)
    }

    /// Feeds the signals bars that closed before this engine started (the stored recent candles of
    /// a restarted shell), oldest first, as a step would, and decides nothing: no proposal, no
    /// order, no cycle counted. A restored engine then proposes on its next step exactly as one
    /// that never stopped.
    public mutating func warmUp(with candles: SymbolMap<Candle>) {
        scanner.update(with: candles)
        updateExitRanges(with: candles)
    }

    /// Raises a red flag: no new entries in its symbol until its ban runs out, and the next step
    /// cancels the entries working in it.
    public mutating func raiseRedFlag(_ flag: RedFlag) {
        universe.raise(flag)
    }

    /// Decides on one snapshot: refreshes the universe (discovery when the snapshot carries
    /// listings, expired red flags), follows up the orders already placed (lookups, TTL cancels,
    /// cancels of entries a red flag now bans), bars the rules' entry proposals in symbols the
    /// universe does not admit, then evaluates the rest and the re-quotes now due together through
    /// risk, and plans orders for what risk approves.
    public mutating func step(_ snapshot: MarketSnapshot) -> CycleOutcome {
        var outcome = CycleOutcome()
        step(snapshot, into: &outcome)
        return outcome
    }

    /// ``step(_:)`` into an outcome the caller keeps from cycle to cycle: everything it held is
    /// replaced, and its storage is reused.
    public mutating func step(_ snapshot: MarketSnapshot, into outcome: inout CycleOutcome) {
        cycle += 1
        let now = snapshot.time
        outcome.reset(cycle: cycle, time: now)
        for (symbol, quote) in snapshot.quotes { marks[symbol] = quote.mid }
        for rules in snapshot.productUpdates { products[rules.symbol] = rules }
        if let listings = snapshot.listings {
            universe.discover(from: listings, quotes: snapshot.quotes, rules: products, at: now)
        }
        if !universe.redFlags.isEmpty { universe.expireFlags(at: now) }
        // perf: most cycles have nothing to follow up, and the call costs more than these checks.
        if !manager.placements.isEmpty || !manager.awaitingLookup.isEmpty || !universe.redFlags.isEmpty {
            followUps(at: now, into: &outcome.intents)
        }
        if configuration.options != nil { manageOptions(snapshot, into: &outcome) }
        scanner.update(with: snapshot.candles)
        rules.evaluate(scanner.latest, into: &outcome.decision)
        if let exits = configuration.exits {
            updateExitRanges(with: snapshot.candles)
            proposeExits(exits, snapshot, into: &outcome.decision)
        }
        guard !outcome.decision.proposals.isEmpty || !manager.dueRequotes.isEmpty else {
            outcome.noTradeReason = .noSignal
            return
        }
        trade(on: snapshot, into: &outcome)
    }

    /// The part of a step that runs when the rules proposed or a re-quote is due: the universe, risk
    /// and orders. Out of line: the risk context it builds keeps the snapshot's quotes, and in the
    /// step that copy (a retain, and a release in every quiet cycle) was made up front.
    @inline(never) private mutating func trade(on snapshot: MarketSnapshot, into outcome: inout CycleOutcome) {
        let now = snapshot.time
        let proposals = outcome.decision.proposals
        let admitted = universe.admit(proposals, at: now, barring: &outcome.universeRejections)
        let requotes = dueRequotes(besides: proposals, at: now, dropped: &outcome.droppedRequotes)
        guard !admitted.isEmpty || !requotes.isEmpty else {
            outcome.noTradeReason = proposals.isEmpty ? .noSignal : .allProposalsRejected
            return
        }
        if now >= nextPruning {
            riskState.prune(at: now)
            nextPruning = now.advanced(bySeconds: 3600)
        }
        let context = RiskContext(
            now: now, killSwitchEngaged: snapshot.killSwitchEngaged, marks: marks, quotes: snapshot.quotes, books: snapshot.books, products: products,
            themes: configuration.themes, tiers: universe.tierMap,
            optionBoards: configuration.options == nil ? [:] : optionBoards(for: admitted, in: snapshot))
        let evaluation = risk.evaluate(
            requotes.isEmpty ? admitted : admitted + requotes.map { $0.proposal }, portfolio: portfolio, context: context, state: riskState)
        var newTrades = (approved: 0, placed: 0)
        for trade in evaluation.approved {
            let requote = requotes.isEmpty ? nil : requotes.first { $0.proposal == trade.proposal }
            if requote == nil { newTrades.approved += 1 }
            let symbol = trade.proposal.symbol
            intentSequence += 1
            let order: Order?
            if let contract = trade.contract {
                order = planner.optionOrder(for: trade, contract: contract, tick: configuration.options?.premiumTick, sequence: intentSequence)
            } else if let rules = products[symbol], let quote = snapshot.quotes[symbol] {
                order = trade.isExit && configuration.exits != nil
                    ? planner.order(
                        symbol: symbol, side: .sell, quantity: exitQuantity(trade, rules: rules), rules: rules, quote: quote, sequence: intentSequence)
                    : planner.order(for: trade, rules: rules, quote: quote, sequence: intentSequence)
            } else {
                order = nil
            }
            guard let order else {
                if let requote {
                    outcome.droppedRequotes.append(
                        .init(clientOrderID: requote.due.replacing, quantity: requote.due.quantity, code: "no_valid_order"))
                }
                continue
            }
            let proposal = requote?.due.placement.proposal ?? trade.proposal
            if let contract = trade.contract {
                placeOptionEntry(order, on: contract, proposal: proposal, snapshot: snapshot, into: &outcome)
            } else {
                if requote == nil && order.side == .buy && configuration.risk.adds.limitsAnything {
                    riskState.recordEntry(symbol, at: now, price: trade.referencePrice, opensPosition: !holdsOrBuys(symbol))
                }
                register(order, proposal: proposal, at: now, requotes: requote.map { $0.due.placement.requotes + 1 } ?? 0)
                outcome.intents.append(.place(order, proposal: proposal))
            }
            riskState.recordTrade(at: now)
            if requote == nil { newTrades.placed += 1 }
        }
        for rejection in evaluation.rejected where !requotes.isEmpty {
            guard let requote = requotes.first(where: { $0.proposal == rejection.proposal }) else { continue }
            outcome.droppedRequotes.append(
                .init(clientOrderID: requote.due.replacing, quantity: requote.due.quantity, code: "rejected.\(rejection.code.rawValue)"))
        }
        outcome.risk = evaluation
        outcome.noTradeReason =
            newTrades.placed > 0
            ? nil : proposals.isEmpty ? .noSignal : newTrades.approved == 0 ? .allProposalsRejected : .noValidOrder
    }

    /// Whether `symbol` is held, or a buy of it works.
    private func holdsOrBuys(_ symbol: Symbol) -> Bool {
        !(portfolio.positions[symbol]?.isFlat ?? true)
            || portfolio.workingOrders.values.contains { $0.side == .buy && $0.symbol == symbol && $0.contract == nil }
    }

    /// Appends to `intents` the lookups of the orders left `unknown`, cancels of the post-only
    /// orders resting past their TTL, and cancels of working entries in symbols a red flag bans
    /// (each marked `pending_cancel` here).
    private mutating func followUps(at time: Timestamp, into intents: inout [OrderIntent]) {
        // Checked for flags first: the call copies the universe manager, and flags are rare.
        let banning = !universe.redFlags.isEmpty && universe.hasBans(at: time)
        guard !manager.placements.isEmpty || !manager.awaitingLookup.isEmpty || banning else { return }
        intents += manager.awaitingLookup.sorted().map(OrderIntent.lookup)
        for id in manager.staleOrders(orders, at: time) where requestCancel(id, at: time) {
            manager.cancelSent(id)
            intents.append(.cancel(id, reason: "post_only_ttl"))
        }
        guard banning else { return }
        let banned = orders.values.filter { order in
            order.side == .buy && (order.status == .open || order.status == .partiallyFilled)
                && universe.activeFlag(on: order.symbol, at: time) != nil
        }
        for id in banned.map(\.clientOrderID).sorted() where requestCancel(id, at: time) {
            intents.append(.cancel(id, reason: "red_flag_ban"))
        }
    }

    /// Marks the order `pending_cancel` before its cancel is sent; `false`, with nothing changed,
    /// when its state refuses the request. Every caller (the follow-ups, the option brackets and
    /// expiry) passes only open or partly filled orders, which always take it: a refusal sends no
    /// cancel, and the order stays as the venue last said.
    mutating func requestCancel(_ id: ClientOrderID, at time: Timestamp) -> Bool {
        (try? apply(Order.Event.requestCancel, to: id, at: time)) != nil
    }

    /// The re-quotes due now, each as a proposal for its unfilled quantity that risk evaluates
    /// again (a re-quote is a new order: at a new price, under today's NAV and caps). Dropped
    /// instead: one whose trade used every re-quote, one on a symbol the rules propose a new
    /// trade for (the new decision sizes the position afresh), and an entry in a symbol the
    /// universe now bars.
    private mutating func dueRequotes(
        besides proposals: [TradeProposal], at time: Timestamp, dropped: inout [CycleOutcome.DroppedRequote]
    ) -> [(proposal: TradeProposal, due: OrderManager.Requote)] {
        guard !manager.dueRequotes.isEmpty else { return [] }
        var requotes: [(proposal: TradeProposal, due: OrderManager.Requote)] = []
        for due in manager.takeDueRequotes() {
            let code: String? =
                due.placement.requotes >= manager.maxRequotes
                ? "max_requotes_reached"
                : proposals.contains { $0.symbol == due.symbol }
                    ? "superseded_by_new_decision"
                    : due.side == .buy ? universe.bar(due.symbol, at: time).map { "universe.\($0.code)" } : nil
            if let code {
                dropped.append(.init(clientOrderID: due.replacing, quantity: due.quantity, code: code))
                continue
            }
            let original = due.placement.proposal
            let proposal = TradeProposal(
                symbol: due.symbol, side: due.side, sizePct: original.sizePct, confidence: original.confidence,
                conviction: original.conviction, signal: original.signal,
                facts: original.facts + [.requote(number: due.placement.requotes + 1, of: due.replacing)],
                quantity: due.quantity, regime: original.regime)
            requotes.append((proposal, due))
        }
        return requotes
    }

    /// Starts keeping a new order (status `new`).
    mutating func register(_ order: Order, proposal: TradeProposal, at time: Timestamp, requotes: Int) {
        // Not tracked by the portfolio yet: a new order is not working (its submit starts that).
        orders[order.clientOrderID] = order
        manager.placed(order, proposal: proposal, at: time, requotes: requotes)
    }

    /// Books what a venue reports about one of the engine's orders: a single change through the
    /// state machine, then, for a fill, the portfolio, the realized ledger and the cooldown after
    /// a round trip; a status report (a lookup's answer) as the events it implies that the engine
    /// has not seen (see ``AppliedEvent``).
    ///
    /// An event for an order that ``removeSettledOrder(_:)`` handed out applies to the engine's
    /// copy of it among the last ``SettledOrders/capacity`` settled (a late fill after a cancel
    /// books; a fill seen before is a `duplicate_fill`, and a status report skips it).
    ///
    /// - Throws: ``EngineError`` `unknown_order`, `inconsistent_report`; ``OrderTransitionError``
    ///   for an event the order's state does not allow (a duplicate fill, an overfill); portfolio
    ///   errors. Nothing changes when it throws.
    @discardableResult
    public mutating func apply(_ event: VenueEvent) throws -> AppliedEvent {
        switch event.change {
        case .status(let report): try reconcile(event.clientOrderID, with: report, at: event.time)
        case .accepted(let id): try apply(.accept(id), to: event.clientOrderID, at: event.time)
        case .rejected(let reason): try apply(.reject(reason: reason), to: event.clientOrderID, at: event.time)
        case .filled(let fill): try apply(.fill(fill), to: event.clientOrderID, at: event.time)
        case .cancelled: try apply(.cancel, to: event.clientOrderID, at: event.time)
        case .expired: try apply(.expire, to: event.clientOrderID, at: event.time)
        case .cancelRejected(let reason): try apply(.cancelRejected(reason: reason), to: event.clientOrderID, at: event.time)
        case .outcomeUnknown(let reason): try apply(.submitOutcomeUnknown(reason: reason), to: event.clientOrderID, at: event.time)
        }
    }

    /// Applies one order event, from the venue or the shell (`submit` when it sent the order), as
    /// ``apply(_:)-(VenueEvent)`` does.
    ///
    /// - Throws: what ``apply(_:)-(VenueEvent)`` throws.
    @discardableResult
    public mutating func apply(_ event: Order.Event, to clientOrderID: ClientOrderID, at time: Timestamp) throws -> AppliedEvent {
        guard let index = orders.index(forKey: clientOrderID) else {
            // A late event (a fill after the cancel was confirmed) for an order already handed out.
            guard var settled = recentlySettled.order(clientOrderID) else {
                throw EngineError(
                    .unknownOrder, "event \(event.kind.rawValue) for an order this engine did not create: \(clientOrderID)")
            }
            let applied = try Self.apply(
                event, at: time, to: &settled, portfolio: &portfolio, riskState: &riskState, manager: &manager,
                pacing: configuration.risk.pacing)
            recentlySettled.keep(settled)
            return applied
        }
        // The order is changed where it is kept: a copy would share its history, and the first
        // new step would then copy the history too.
        return try Self.apply(
            event, at: time, to: &orders.values[index], portfolio: &portfolio, riskState: &riskState, manager: &manager,
            pacing: configuration.risk.pacing)
    }

    /// Books a venue's status report: every event it implies is checked on a copy of the order
    /// first, so that a report the order cannot take changes nothing.
    private mutating func reconcile(_ id: ClientOrderID, with report: VenueOrderReport, at time: Timestamp) throws -> AppliedEvent {
        guard let order = orders[id] ?? recentlySettled.order(id) else {
            throw EngineError(.unknownOrder, "status report for an order this engine did not create: \(id)")
        }
        guard report.clientOrderID == id else {
            throw EngineError(.inconsistentReport, "status report of \(report.clientOrderID) delivered for \(id)")
        }
        let events = try StatusReconciliation.events(bringing: order, to: report)
        var probe = order
        for event in events { try probe.apply(event, at: time) }
        var fills: [Fill] = []
        var realized = FixedPoint.zero
        var status = order.status
        for event in events {
            let applied = try apply(event, to: id, at: time)
            fills += applied.fills
            realized = try realized.adding(applied.realized)
            status = applied.status
        }
        return AppliedEvent(
            clientOrderID: id, symbol: order.symbol, previousStatus: order.status, status: status, fills: fills[...],
            realized: realized, position: fills.isEmpty ? nil : portfolio.position(in: order.instrument))
    }

    /// ``apply(_:to:at:)`` on the parts it changes, each borrowed in place.
    private static func apply(
        _ event: Order.Event, at time: Timestamp, to order: inout Order, portfolio: inout Portfolio,
        riskState: inout RiskState, manager: inout OrderManager, pacing: PacingLimits
    ) throws -> AppliedEvent {
        // Everything that can throw runs before anything changes.
        let next = try order.status(after: event)
        try portfolio.requireQuote(order.symbol)
        var booked: (fill: Fill, realized: FixedPoint)?
        if case .fill(let fill) = event {
            // The realized ledger that loss stops read moves by each fill's net effect: a buy's
            // fee, a sell's profit or loss after its fee. A sell that closes the position ends a
            // round trip and starts the symbol's cooldown.
            // By the order's symbol and side, not the portfolio's working copy: a fill after a
            // cancel, or after the order settled, books the same.
            let realized = try portfolio.book(fill, instrument: order.instrument, side: order.side)  // changes nothing when it throws
            if order.side == .sell && portfolio.position(in: order.instrument)?.isFlat ?? true {
                riskState.recordRoundTrip(symbol: order.symbol, realizedPnL: realized, closedAt: time, pacing: pacing)
            } else if !realized.isZero {
                riskState.recordRealized(realized, at: time)
            }
            booked = (fill, realized)
        }
        let previous = order.status
        order.record(event, leadingTo: next, at: time)
        // The portfolio keeps what a fill or a start or end of working changes (an acceptance, say,
        // changes nothing it keeps). Its only check, the quote currency, passed above.
        if booked != nil || previous.isWorking != next.isWorking { portfolio.updateWorkingOrder(order) }
        manager.update(after: order)
        guard let booked else {
            return AppliedEvent(
                clientOrderID: order.clientOrderID, symbol: order.symbol, previousStatus: previous, status: next, fill: nil,
                realized: .zero, position: nil)
        }
        return AppliedEvent(
            clientOrderID: order.clientOrderID, symbol: order.symbol, previousStatus: previous, status: next,
            fill: booked.fill, realized: booked.realized, position: portfolio.position(in: order.instrument))
    }

    /// Removes a terminal order (filled, cancelled, expired or rejected) from the engine and
    /// returns it, for the state store or a backtest's artifacts; a run that hands settled orders
    /// on this way keeps its memory bounded. Working orders stay: `nil` for them and for ids the
    /// engine does not hold.
    public mutating func removeSettledOrder(_ clientOrderID: ClientOrderID) -> Order? {
        // Moved out first, and put back when still working: reading its status in place would
        // copy the order (a caller that knows it settled, from ``apply(_:to:at:)``, pays nothing).
        guard let order = orders.removeValue(forKey: clientOrderID) else { return nil }
        guard order.status.isTerminal else {
            orders[clientOrderID] = order
            return nil
        }
        recentlySettled.keep(order)
        return order
    }

    /// The latest mark (quote mid) of each symbol seen.
    public var latestMarks: SymbolMap<Price> { marks }
}
