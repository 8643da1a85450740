import Foundation
import Logging
import Persistence
import TradingEngine
import TraderCore

/// One cycle of a live node, as DESIGN §3 runs it: book what the venue reports of the working
/// orders, gather a snapshot (quotes, the last closed bar of each symbol), step the engine (the
/// same step the backtester runs), commit the cycle (intents, order steps, fills, audit record
/// and engine state in one transaction), and only then send the intents. In DRY_RUN nothing is
/// sent: each order decided is recorded and withdrawn. The engine never learns the mode; this shell
/// branches on it.
///
/// A placement the venue refuses is booked as rejected; one whose answer is lost stays in flight
/// (`unknown`) until the next cycle's lookup settles it; one that certainly never reached the venue
/// is booked as rejected, so the engine decides anew under a new id. Nothing is ever sent twice.
public struct LiveCycle: Sendable {
    /// What the cycle trades and how it records itself.
    public struct Configuration: Sendable {
        /// The symbols whose quotes and bars the snapshot holds.
        public var symbols: [Symbol]
        /// The bar the signals read.
        public var barInterval: Duration
        /// DRY_RUN, PAPER or LIVE.
        public var mode: TradingMode
        /// The configuration's hash, stamped on every audit record.
        public var configHash: String
        /// Whether the operator's kill switch is engaged, read once a cycle.
        public var killSwitchEngaged: @Sendable () -> Bool

        /// Creates a configuration.
        public init(
            symbols: [Symbol], barInterval: Duration, mode: TradingMode, configHash: String,
            killSwitchEngaged: @escaping @Sendable () -> Bool = { false }
        ) {
            self.symbols = symbols
            self.barInterval = barInterval
            self.mode = mode
            self.configHash = configHash
            self.killSwitchEngaged = killSwitchEngaged
        }
    }

    let configuration: Configuration
    let venue: VenueConnection
    let store: StateStore
    let logger: Logger
    /// The chains the options bot picks from, kept for the day; `nil` where the venue lists none.
    private let optionChains: OptionChains?

    /// A cycle trading on `venue`, committing to `store`, reporting to `logger`.
    public init(
        configuration: Configuration, venue: VenueConnection, store: StateStore,
        logger: Logger = Logger(label: "trader.live", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        self.configuration = configuration
        self.venue = venue
        self.store = store
        self.logger = logger
        optionChains = venue.options.map(OptionChains.init)
    }

    /// Runs one cycle of `engine` at `time` (any instant: the bars read are those closed by it):
    /// ``decide(_:at:)``, then ``send(_:engine:)``.
    ///
    /// - Throws: what those throw.
    public func run(_ engine: inout TradingEngine, at time: Timestamp) async throws -> LiveCycleReport {
        try await send(try await decide(&engine, at: time), engine: &engine)
    }

    /// The first half of a cycle: books the venue's reports of the working orders; when
    /// `reconcilingFillsSince` is given (the reconcile schedule), compares the engine with the
    /// venue's balances, positions, open orders and fills since then and adopts the venue's truth
    /// where they differ; gathers the snapshot, steps, and commits it all (the intents first of
    /// all, the differences adopted in the audit record) in one transaction. Nothing is sent: a
    /// process that dies now leaves intents the next start looks up, never re-sends.
    ///
    /// - Throws: ``VenueError`` when the venue cannot be read (nothing is decided: the cycle fails
    ///   closed); ``StoreError`` when the commit fails; what the engine throws for a report or a
    ///   venue truth it cannot take. `engine` is then unchanged.
    public func decide(_ engine: inout TradingEngine, at time: Timestamp, reconcilingFillsSince: Timestamp? = nil) async throws -> CommittedCycle {
        var working = engine
        let cycleID = "cycle-\(working.cycle + 1)"
        var booked = try await bookVenueReports(&working, at: time)
        var truth: AdoptedTruth?
        if let since = reconcilingFillsSince {
            let venueTruth = try await LiveStartup(venue: venue, store: store, logger: logger).venueSnapshot(for: working, fillsSince: since, at: time)
            let adopted = try AdoptedTruth(adopting: venueTruth, into: &working, at: time)
            booked.transitions += adopted.transitions
            booked.fills += adopted.fills
            for step in adopted.transitions where step.to.isTerminal { booked.ordersEnded[step.to.rawValue, default: 0] += 1 }
            truth = adopted
        }
        var snapshot = try await marketSnapshot(at: time)
        if working.configuration.options != nil { await addOptions(to: &snapshot, for: working) }
        let stepStarted = ContinuousClock.now
        let outcome = working.step(snapshot)
        let decisionDuration = ContinuousClock.now - stepStarted
        let orders = outcome.intents.flatMap(\.placedOrders)
        let decisions = outcome.auditDecisions
        try await store.commitCycle(
            CycleRecord(
                audit: AuditRecord(
                    cycleID: cycleID, at: time, mode: configuration.mode.rawValue, configHash: configuration.configHash,
                    snapshotSummary: configuration.symbols.map(\.description).joined(separator: ",") + (outcome.risk?.nav.map { "; nav \($0)" } ?? ""),
                    decisions: (truth?.decisions ?? []) + decisions, intents: orders.map(\.clientOrderID.rawValue), latenciesMicroseconds: [:]),
                intents: snapshot.intentRecords(of: outcome.intents, cycleID: cycleID), transitions: booked.transitions,
                fills: booked.fills,
                optionExpiries: outcome.expirations.map {
                    OptionExpiryRecord(at: time, contract: $0.contract, quantity: $0.quantity, intrinsicValue: $0.intrinsicValue)
                },
                equity: Self.equity(of: working, at: time),
                engineSnapshot: try EngineSnapshot(working, at: time)))
        engine = working
        var rejections: [String: Int] = [:]
        for decision in decisions where decision.outcome == "rejected" || decision.outcome == "halted" {
            rejections[decision.code ?? "unknown", default: 0] += 1
        }
        var halts = Set(decisions.filter { $0.outcome == "halted" }.compactMap(\.code))
        if snapshot.killSwitchEngaged { halts.insert("kill_switch_engaged") }
        return CommittedCycle(
            cycle: working.cycle, time: time, intents: outcome.intents, fillsBooked: booked.fills.count, ordersEnded: booked.ordersEnded,
            noTradeReason: outcome.noTradeReason?.rawValue, rejections: rejections, haltsActive: halts.sorted(),
            killSwitchEngaged: snapshot.killSwitchEngaged,
            decisionDuration: decisionDuration, reconciliation: truth?.report, snapshot: snapshot)
    }

    /// The second half of a cycle: sends the committed intents (in DRY_RUN withdraws the orders)
    /// and books the venue's answers.
    ///
    /// - Throws: ``StoreError`` when the answers cannot be recorded; what the engine throws.
    public func send(_ committed: CommittedCycle, engine: inout TradingEngine) async throws -> LiveCycleReport {
        var sending = Sending()
        for intent in committed.intents {
            switch intent {
            case .place(let order, _):
                try await send([order], engine: &engine, at: committed.time, into: &sending) { () throws(VenueError) in try await venue.orders.place(order) }
            case .placeBracket(let bracket, _):
                try await send(bracket.orders, engine: &engine, at: committed.time, into: &sending) { () throws(VenueError) in
                    try await venue.placeBracket(bracket)
                }
            case .cancel(let id, let reason): await cancel(id, reason: reason, engine: engine)
            case .lookup: break  // the next cycle looks up every order in flight
            }
        }
        try await store.recordTransitions(sending.transitions)
        // Orders withheld (DRY_RUN) or refused ended here: handed out, so the engine stays bounded.
        for id in sending.withheld + sending.refused.map(\.clientOrderID) { _ = engine.removeSettledOrder(id) }
        var ended = committed.ordersEnded
        if !sending.refused.isEmpty { ended["rejected", default: 0] += sending.refused.count }
        return LiveCycleReport(
            cycle: committed.cycle, time: committed.time, sent: sending.sent, withheld: sending.withheld, refused: sending.refused,
            ambiguous: sending.ambiguous, fillsBooked: committed.fillsBooked,
            ordersEnded: ended, noTradeReason: committed.noTradeReason,
            rejections: committed.rejections, haltsActive: committed.haltsActive, killSwitchEngaged: committed.killSwitchEngaged,
            decisionDuration: committed.decisionDuration,
            reconciliation: committed.reconciliation)
    }

    /// The post-trade follow-up of a cycle that sent orders (after the policy's
    /// `post_trade_reconcile_wait_seconds`): books what the venue reports of the working orders
    /// (acceptances, fills, ends) and commits it with the engine's state, amending the cycle's
    /// snapshot, in one transaction.
    ///
    /// - Returns: the fills booked and the orders that ended.
    /// - Throws: ``VenueError`` when an order cannot be looked up (the next cycle books it);
    ///   ``StoreError``; what the engine throws for a report it cannot take.
    @discardableResult
    public func followUp(_ engine: inout TradingEngine, at time: Timestamp) async throws -> FollowUp {
        var working = engine
        let booked = try await bookVenueReports(&working, at: time)
        guard !booked.transitions.isEmpty || !booked.fills.isEmpty else { return FollowUp(fills: 0, ordersEnded: [:]) }
        try await store.commitCycle(
            CycleRecord(
                audit: AuditRecord(
                    cycleID: "cycle-\(working.cycle)-follow-up", at: time, mode: configuration.mode.rawValue, configHash: configuration.configHash,
                    snapshotSummary: "post-trade follow-up", decisions: [], intents: [], latenciesMicroseconds: [:]),
                transitions: booked.transitions, fills: booked.fills, engineSnapshot: try EngineSnapshot(working, at: time),
                amendsEngineSnapshot: true))
        engine = working
        return FollowUp(fills: booked.fills.count, ordersEnded: booked.ordersEnded)
    }

    /// The NAV of `engine` at its latest marks and its exposure by base asset, as the equity curve
    /// keeps them; `nil` when they cannot be valued (a mark missing, a sum out of range), so that
    /// no wrong point is kept.
    private static func equity(of engine: TradingEngine, at time: Timestamp) -> EquityRecord? {
        guard let nav = try? engine.portfolio.nav(marks: engine.latestMarks) else { return nil }
        var exposures: [String: FixedPoint] = [:]
        do {
            try engine.portfolio.forEachExposure(marks: engine.latestMarks) { symbol, amount, _ in
                exposures[symbol.base] = try (exposures[symbol.base] ?? .zero).adding(amount)
            }
        } catch {
            return nil
        }
        return EquityRecord(at: time, nav: nav, exposed: engine.portfolio.holdsPositions, exposures: exposures)
    }

    /// What sending the intents did.
    private struct Sending {
        var sent: [ClientOrderID] = []
        var withheld: [ClientOrderID] = []
        var refused: [LiveCycleReport.Refusal] = []
        var ambiguous: [ClientOrderID] = []
        var transitions: [OrderTransitionRecord] = []
    }

    /// Looks up each working order and books the venue's report: its acceptance, fills and end; an
    /// order whose submit had no clear answer and that the venue never received is refused.
    private func bookVenueReports(_ engine: inout TradingEngine, at time: Timestamp) async throws -> BookedReports {
        var transitions: [OrderTransitionRecord] = []
        var fills: [FillOfOrder] = []
        var ended: [String: Int] = [:]
        for id in engine.portfolio.workingOrders.keys.sorted() {
            guard let order = engine.orders[id] else { continue }
            let event: VenueEvent
            if let report = try await venue.orders.order(OrderReference(order)) {
                event = VenueEvent(status: report, at: time)
            } else if order.status == .unknown {
                event = VenueEvent(clientOrderID: id, change: .rejected(reason: "never reached the venue"), time: time)
            } else {
                continue
            }
            let applied = try engine.apply(event)
            fills += applied.fills.map { FillOfOrder(clientOrderID: id, fill: $0) }
            if applied.status != applied.previousStatus {
                transitions.append(OrderTransitionRecord(clientOrderID: id, from: applied.previousStatus, to: applied.status, event: "status", at: time))
            }
            if applied.status.isTerminal {
                ended[applied.status.rawValue, default: 0] += 1
                _ = engine.removeSettledOrder(id)
            }
        }
        return BookedReports(transitions: transitions, fills: fills, ordersEnded: ended)
    }

    /// What the venue's reports of the working orders booked.
    private struct BookedReports {
        var transitions: [OrderTransitionRecord]
        var fills: [FillOfOrder]
        /// Orders that ended, by final status.
        var ordersEnded: [String: Int]
    }

    /// What a post-trade follow-up booked.
    public struct FollowUp: Hashable, Sendable {
        /// Fills booked.
        public let fills: Int
        /// Orders that ended, by final status (`filled`, `cancelled`, ...).
        public let ordersEnded: [String: Int]
    }

    /// The quotes and order books of every symbol and the last bar of each that closed by `time`.
    private func marketSnapshot(at time: Timestamp) async throws -> MarketSnapshot {
        let quotes = try await venue.market.quotes(for: configuration.symbols)
        var candles: SymbolMap<Candle> = [:]
        var books: SymbolMap<BookSnapshot> = [:]
        let length = configuration.barInterval.nanoseconds
        let barClose = Timestamp(nanosecondsSinceEpoch: time.nanosecondsSinceEpoch / length * length)
        let barStart = barClose.advanced(by: .zero - configuration.barInterval)
        for symbol in configuration.symbols {
            if let bar = try await venue.market.candles(for: symbol, interval: configuration.barInterval, in: barStart..<barClose).last {
                candles[symbol] = bar
            }
            books[symbol] = try await venue.market.book(for: symbol, depth: Self.bookDepth)
        }
        return MarketSnapshot(
            time: time, candles: candles, quotes: quotes, books: books, killSwitchEngaged: configuration.killSwitchEngaged())
    }

    /// Adds the options `engine` trades to `snapshot`: the chain of each symbol (asked once a UTC
    /// day) and the quotes, asked concurrently, of the contracts it picks, holds, protects or is trading
    /// (``TradingEngine/optionContractsToQuote(chains:prices:at:)``). What the venue does not give
    /// is left out and logged: the engine then refuses an entry on it (`missing_option_quote`) and
    /// holds a bracket's exit until a quote comes.
    private func addOptions(to snapshot: inout MarketSnapshot, for engine: TradingEngine) async {
        guard let options = venue.options, let optionChains else { return }
        let (chains, failures) = await optionChains.chains(for: configuration.symbols, day: Int(snapshot.time.secondsSinceEpoch / 86_400))
        for (symbol, error) in failures.sorted(by: { $0.key < $1.key }) {
            logger.warning("no option chain", metadata: ["symbol": "\(symbol)", "error": "\(error)"])
        }
        snapshot.optionChains = chains
        var prices: SymbolMap<Price> = [:]
        for (symbol, quote) in snapshot.quotes { prices[symbol] = quote.mid }
        // Asked together: the venue's connection serializes and paces the requests (IBKRAdapter is
        // an actor with its throttle), and the cycle waits for the slowest answer, not their sum.
        let contracts = engine.optionContractsToQuote(chains: chains, prices: prices, at: snapshot.time)
        let answers = await withTaskGroup(of: (OptionContract, Result<Quote, VenueError>).self) { group in
            for contract in contracts {
                group.addTask {
                    do throws(VenueError) { return (contract, .success(try await options.quote(for: contract))) } catch { return (contract, .failure(error)) }
                }
            }
            return await group.reduce(into: [(OptionContract, Result<Quote, VenueError>)]()) { $0.append($1) }
        }
        for (contract, answer) in answers.sorted(by: { $0.0 < $1.0 }) {
            switch answer {
            case .success(let quote): snapshot.optionQuotes[contract] = quote
            case .failure(let error): logger.warning("no option quote", metadata: ["contract": "\(contract)", "error": "\(error)"])
            }
        }
    }

    /// The levels of each side read for the liquidity check.
    static let bookDepth = 50

    /// Sends committed orders with `place`, in one call (one order, or a bracket's), or in DRY_RUN
    /// withdraws them, and books the venue's answer for each: the acceptance names the first order
    /// (the others' come with their lookups); an ambiguous answer leaves each to a lookup; a
    /// refusal rejects them all.
    private func send(
        _ orders: [Order], engine: inout TradingEngine, at time: Timestamp, into sending: inout Sending,
        place: () async throws(VenueError) -> PlaceAcknowledgement
    ) async throws {
        func book(_ event: Order.Event, _ name: String, _ id: ClientOrderID) throws {
            let applied = try engine.apply(event, to: id, at: time)
            sending.transitions.append(OrderTransitionRecord(clientOrderID: id, from: applied.previousStatus, to: applied.status, event: name, at: time))
        }
        let ids = orders.map(\.clientOrderID)
        for id in ids { try book(.submit, "submit", id) }
        guard configuration.mode != .dryRun else {
            for id in ids { try book(.reject(reason: "dry_run: not sent"), "dry_run", id) }
            sending.withheld += ids
            return
        }
        let answer: Result<PlaceAcknowledgement, VenueError>
        do throws(VenueError) {
            answer = .success(try await place())
        } catch {
            answer = .failure(error)
        }
        switch answer {
        case .success(let acknowledgement):
            if case .accepted(let venueID) = acknowledgement { try book(.accept(venueID), "accept", ids[0]) }
            sending.sent += ids
        case .failure(let error) where error.isAmbiguous:
            logger.warning("placement outcome unknown; a lookup will settle it", metadata: ["client_order_id": "\(ids[0])", "error": "\(error)"])
            for id in ids { try book(.submitOutcomeUnknown(reason: error.message), "submit_outcome_unknown", id) }
            sending.ambiguous += ids
        case .failure(let error):
            // Refused, or certainly never received: the engine decides anew, under a new id.
            let reason = error.venueReason ?? error.code.rawValue
            logger.info("order refused", metadata: ["client_order_id": "\(ids[0])", "reason": "\(reason)"])
            for id in ids {
                try book(.reject(reason: reason), "reject", id)
                sending.refused.append(LiveCycleReport.Refusal(clientOrderID: id, reason: reason))
            }
        }
    }

    /// Asks the venue to cancel; its answer arrives with the next cycle's lookup.
    private func cancel(_ id: ClientOrderID, reason: String, engine: TradingEngine) async {
        guard configuration.mode != .dryRun, let order = engine.orders[id] else { return }
        do {
            try await venue.orders.cancel(OrderReference(order))
        } catch {
            logger.info("cancel not done; the next lookup settles it", metadata: ["client_order_id": "\(id)", "reason": "\(reason)", "error": "\(error)"])
        }
    }
}
