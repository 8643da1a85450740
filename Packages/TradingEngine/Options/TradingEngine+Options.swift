import RiskKit
import TraderCore

extension TradingEngine {
    /// The option position management of a step, before any entry: premium marks from the
    /// snapshot's option quotes, expired contracts closed at their intrinsic value, and the
    /// emulated brackets' exits.
    mutating func manageOptions(_ snapshot: MarketSnapshot, into outcome: inout CycleOutcome) {
        for (contract, quote) in snapshot.optionQuotes
        where portfolio.optionPositions[contract] != nil || brackets.contains(where: { $0.contract == contract }) {
            portfolio.markOption(contract, at: quote.mid)
        }
        closeExpiredContracts(at: snapshot.time, into: &outcome)
        // Every option held is protected, adopted ones (a restart, a reconciliation) included.
        for (contract, position) in portfolio.optionPositions.sorted(by: { $0.key < $1.key })
        where !position.isFlat && !brackets.contains(where: { $0.contract == contract }) {
            openBracket(on: contract)
        }
        runBrackets(snapshot, into: &outcome)
    }

    /// The option contracts a snapshot at `time` must quote: the call and the put the picker gives
    /// on each of `chains` at the underlying's price in `prices` (the quotes' mids, as the step
    /// marks them), and every contract held, protected by a bracket, or in a working order.
    public func optionContractsToQuote(chains: [Symbol: OptionChain], prices: SymbolMap<Price>, at time: Timestamp) -> [OptionContract] {
        var contracts = Set(portfolio.optionPositions.keys).union(brackets.map(\.contract))
        contracts.formUnion(portfolio.workingOrders.values.compactMap(\.contract))
        if let picker = configuration.options?.picker {
            let today = localDate(of: time)
            for (symbol, chain) in chains {
                guard let price = prices[symbol] else { continue }
                for right in OptionContract.Right.allCases {
                    if let contract = picker.pick(chain, right: right, underlyingPrice: price, today: today) { contracts.insert(contract) }
                }
            }
        }
        return contracts.sorted()
    }

    /// The exits of native brackets (take-profits and stop-losses at the venue): they protect
    /// positions while the engine is down, so a shutdown leaves them working.
    public var venueHeldExits: Set<ClientOrderID> {
        Set(brackets.compactMap(\.native).flatMap { [$0.takeProfit, $0.stopLoss] })
    }

    /// Places an option entry: marks its contract, opens its bracket, and sends the entry alone
    /// (emulated exits) or, with native brackets, as one bracket with its take-profit and stop-loss
    /// at the entry's limit premium.
    mutating func placeOptionEntry(
        _ order: Order, on contract: OptionContract, proposal: TradeProposal, snapshot: MarketSnapshot, into outcome: inout CycleOutcome
    ) {
        if let quote = snapshot.optionQuotes[contract] { portfolio.markOption(contract, at: quote.mid) }
        openBracket(on: contract)
        if configuration.options?.nativeBrackets == true, case .limit(let price, _) = order.kind,
            let index = brackets.firstIndex(where: { $0.contract == contract }), brackets[index].native == nil,
            let bracket = nativeBracket(brackets[index], entry: order, cost: price, quantity: order.quantity, name: order.clientOrderID)
        {
            register(order, proposal: proposal, at: snapshot.time, requotes: 0)
            placeExits(of: bracket, bracketAt: index, cost: price, at: snapshot.time, into: &outcome)
            return
        }
        register(order, proposal: proposal, at: snapshot.time, requotes: 0)
        outcome.intents.append(.place(order, proposal: proposal))
    }

    /// The native bracket of `bracket`'s exits for `quantity` at the prices of `cost`, around
    /// `entry` if given, its orders named after `name`; `nil` when the prices make no bracket (a
    /// premium so small that its stop rounds to zero).
    private func nativeBracket(_ bracket: OptionBracket, entry: Order?, cost: Price, quantity: Quantity, name: ClientOrderID) -> OrderBracket? {
        guard let takeProfitPrice = try? bracket.takeProfit(cost: cost, tick: premiumTick),
            let stopPrice = try? bracket.stopLoss(cost: cost, tick: premiumTick), stopPrice.value.raw > 0
        else { return nil }
        let ids = OrderBracket.childIDs(of: name)
        let instrument = Instrument.option(bracket.contract)
        return try? OrderBracket(
            entry: entry,
            takeProfit: Order(clientOrderID: ids.takeProfit, instrument: instrument, side: .sell, kind: .limit(price: takeProfitPrice, postOnly: false), quantity: quantity),
            stopLoss: Order(clientOrderID: ids.stopLoss, instrument: instrument, side: .sell, kind: .stop(trigger: stopPrice), quantity: quantity))
    }

    /// Registers the exits of `bracket` (its entry is registered by the caller), records them on
    /// the bracket at `index`, and sends the whole bracket as one intent, whose proposal explains
    /// the exits' prices.
    private mutating func placeExits(of bracket: OrderBracket, bracketAt index: Int, cost: Price, at time: Timestamp, into outcome: inout CycleOutcome) {
        let contract = brackets[index].contract
        guard case .limit(let takeProfit, _) = bracket.takeProfit.kind, case .stop(let stop) = bracket.stopLoss.kind else { return }
        let quantity = bracket.takeProfit.quantity
        let note = "native bracket on \(contract): take-profit \(takeProfit), stop \(stop) (premium \(cost))"
        let takeProfitProposal = exitProposal(contract, exit: .takeProfit, quantity: quantity, note: note)
        register(bracket.takeProfit, proposal: takeProfitProposal, at: time, requotes: 0)
        register(bracket.stopLoss, proposal: exitProposal(contract, exit: .stopLoss, quantity: quantity, note: note), at: time, requotes: 0)
        brackets[index].native = OptionBracket.NativeOrders(bracket)
        outcome.intents.append(.placeBracket(bracket, proposal: takeProfitProposal))
    }

    /// The proposal an exit of `contract` carries out, explained by `note`.
    private func exitProposal(_ contract: OptionContract, exit: OptionBracket.Exit, quantity: Quantity, note: String) -> TradeProposal {
        TradeProposal(
            symbol: contract.underlying, side: .sell, sizePct: 0, confidence: 1, conviction: .high, signal: exit.rawValue, facts: [.note(note)],
            quantity: quantity, option: contract.right)
    }

    /// The premium tick exit prices are put on.
    private var premiumTick: Price { configuration.options?.premiumTick ?? Price(FixedPoint(raw: FixedPoint.scale / 100)) }

    /// What following a native bracket did.
    private enum NativeFollowUp {
        /// Nothing more to do for it this cycle.
        case followed
        /// It was dropped: nothing held, nothing working.
        case dropped
        /// Its exits cannot be placed natively (see ``nativeBracket(_:entry:cost:quantity:name:)``):
        /// the engine emulates them.
        case emulate
    }

    /// Follows the native bracket at `index`: cancels the rest of a partly filled entry
    /// (`bracket_partial_fill`; the venue holds the exits until the entry ends), cancels an exit
    /// that no longer sells exactly what is held (`bracket_resize`: a partial entry, or the other
    /// exit partly filled), and, once no exit works, protects what is held with a new
    /// one-cancels-other pair at the average premium (in the session only), or drops the bracket
    /// when nothing is held.
    private mutating func followNativeBracket(at index: Int, inSession: Bool, at time: Timestamp, into outcome: inout CycleOutcome) -> NativeFollowUp {
        let contract = brackets[index].contract
        let position = portfolio.optionPositions[contract]
        let held = position.flatMap { $0.isFlat ? nil : $0.quantity } ?? .zero
        if let native = brackets[index].native {
            if let entryID = native.entry, let entry = orders[entryID], !entry.status.isTerminal {
                if entry.status == .partiallyFilled, requestCancel(entryID, at: time) {
                    outcome.intents.append(.cancel(entryID, reason: "bracket_partial_fill"))
                }
                return .followed
            }
            var working = false
            for id in [native.takeProfit, native.stopLoss] {
                guard let exit = orders[id], !exit.status.isTerminal else { continue }
                working = true
                if exit.remainingQuantity != held, exit.status == .open || exit.status == .partiallyFilled, requestCancel(id, at: time) {
                    outcome.intents.append(.cancel(id, reason: "bracket_resize"))
                }
            }
            if working { return .followed }
            brackets[index].native = nil
        }
        guard let cost = position?.averageCost, !held.isZero else {
            guard !hasWorkingOrder(on: contract, side: .buy) else { return .followed }
            brackets.remove(at: index)
            portfolio.removeFlatOption(contract)
            return .dropped
        }
        guard inSession, sellable(contract, held: held) == held else { return .followed }
        intentSequence += 1
        let name = planner.clientOrderID(symbol: contract.underlying, side: .sell, sequence: intentSequence)
        guard let pair = nativeBracket(brackets[index], entry: nil, cost: cost, quantity: held, name: name) else { return .emulate }
        placeExits(of: pair, bracketAt: index, cost: cost, at: time, into: &outcome)
        return .followed
    }

    /// Starts an emulated bracket on `contract`, unless one is already there (a second entry in
    /// the same contract shares it: its prices follow the average premium).
    mutating func openBracket(on contract: OptionContract) {
        guard !brackets.contains(where: { $0.contract == contract }) else { return }
        let takeProfit = configuration.options?.takeProfitPct ?? FixedPoint(100)
        let stopLoss = configuration.risk.options?.sizer.stopLossPct ?? FixedPoint(50)
        brackets.append(OptionBracket(contract: contract, takeProfitPct: takeProfit, stopLossPct: stopLoss))
    }

    /// The option proposals' boards: for each underlying an option proposal names, the contract the
    /// picker gives on the snapshot's chain at the underlying's mark, with its quote.
    func optionBoards(for proposals: [TradeProposal], in snapshot: MarketSnapshot) -> [Symbol: OptionBoard] {
        guard let picker = configuration.options?.picker else { return [:] }
        var boards: [Symbol: OptionBoard] = [:]
        let today = localDate(of: snapshot.time)
        for proposal in proposals {
            guard let right = proposal.option, let chain = snapshot.optionChains[proposal.symbol], let price = latestMarks[proposal.symbol],
                let contract = picker.pick(chain, right: right, underlyingPrice: price, today: today),
                let quote = snapshot.optionQuotes[contract]
            else { continue }
            let offer = OptionOffer(contract: contract, quote: quote)
            switch right {
            case .call: boards[proposal.symbol, default: OptionBoard()].call = offer
            case .put: boards[proposal.symbol, default: OptionBoard()].put = offer
            }
        }
        return boards
    }

    /// The local date (`YYYYMMDD`) of `time` on the exchange's calendar, or in UTC without one.
    func localDate(of time: Timestamp) -> Int {
        if let sessions = configuration.risk.options?.sessions { return sessions.localDate(of: time) }
        let (year, month, day) = ISO8601Format.civilFromDays(time.utcDay)
        return year * 10_000 + month * 100 + day
    }

    /// Whether `contract` has expired at `time`: its expiry day's session has closed (or, on a day
    /// without a session, the day has passed).
    func hasExpired(_ contract: OptionContract, at time: Timestamp) -> Bool {
        if let session = configuration.risk.options?.sessions?.session(on: contract.expiryDate) { return time >= session.close }
        return localDate(of: time) > contract.expiryDate
    }

    /// Closes each expired option position at its intrinsic value on the underlying's mark (a
    /// position whose underlying has no mark waits for one), as a sell without a fee that ends the
    /// round trip, and drops its bracket. Orders still working on the contract are cancelled first
    /// (`option_expired`), and the close waits until none works: a fill that comes meanwhile books
    /// against the position as it stands, never against one already closed.
    private mutating func closeExpiredContracts(at time: Timestamp, into outcome: inout CycleOutcome) {
        let expired = portfolio.optionPositions.filter { !$0.value.isFlat && hasExpired($0.key, at: time) }
        for (contract, position) in expired.sorted(by: { $0.key < $1.key }) {
            let working = portfolio.workingOrders.filter { $0.value.contract == contract }.keys.sorted()
            guard working.isEmpty else {
                for id in working where orders[id]?.status == .open || orders[id]?.status == .partiallyFilled {
                    if requestCancel(id, at: time) { outcome.intents.append(.cancel(id, reason: "option_expired")) }
                }
                continue
            }
            guard let price = latestMarks[contract.underlying], let expiration = closeAtExpiry(contract, underlyingPrice: price, at: time)
            else { continue }
            outcome.expirations.append(expiration)
        }
    }

    /// Closes the position in `contract` at its intrinsic value on `underlyingPrice`, as a sell
    /// without a fee that ends the round trip, and drops its bracket; `nil` when nothing is held
    /// or the sell cannot be booked.
    mutating func closeAtExpiry(_ contract: OptionContract, underlyingPrice price: Price, at time: Timestamp) -> CycleOutcome.OptionExpiration? {
        guard let position = portfolio.optionPositions[contract], !position.isFlat else { return nil }
        let difference = contract.right == .call ? price.value.raw - contract.strike.value.raw : contract.strike.value.raw - price.value.raw
        let intrinsic = Price(FixedPoint(raw: Swift.max(0, difference)))
        let fill = Fill(
            tradeID: TradeID("expiry-\(contract.underlying.base)-\(contract.expiry)-\(contract.right.rawValue)\(contract.strike)"),
            price: intrinsic, quantity: position.quantity, fee: Money(.zero, portfolio.currency), liquidity: .taker, time: time)
        guard let realized = try? portfolio.book(fill, instrument: .option(contract), side: .sell) else { return nil }
        riskState.recordRoundTrip(symbol: contract.underlying, realizedPnL: realized, closedAt: time, pacing: configuration.risk.pacing)
        brackets.removeAll { $0.contract == contract }
        portfolio.removeFlatOption(contract)
        return .init(contract: contract, quantity: position.quantity, underlyingPrice: price, intrinsicValue: intrinsic, realized: realized)
    }

    /// Runs each bracket. A native one is followed (see ``followNativeBracket(at:inSession:at:into:)``).
    /// An emulated one: forgets an exit that ended, sends the exit whose level the mid crossed,
    /// cancels a resting take-profit whose stop is crossed, and drops the brackets of positions
    /// closed with no entry still working. Exits go out only in the exchange's regular session
    /// (options trade in no other): outside it the brackets only watch.
    private mutating func runBrackets(_ snapshot: MarketSnapshot, into outcome: inout CycleOutcome) {
        let inSession = configuration.risk.options?.sessions?.isOpen(at: snapshot.time) ?? true
        let tick = premiumTick
        let native = configuration.options?.nativeBrackets == true
        var index = 0
        while index < brackets.count {
            // Native, but for an emulated exit still working (or exits that cannot be native).
            if native && brackets[index].exitOrder == nil {
                switch followNativeBracket(at: index, inSession: inSession, at: snapshot.time, into: &outcome) {
                case .followed:
                    index += 1
                    continue
                case .dropped: continue
                case .emulate: break
                }
            }
            let bracket = brackets[index]
            let contract = bracket.contract
            let held = portfolio.optionPositions[contract]
            guard let held, !held.isFlat, let cost = held.averageCost else {
                let exitEnded = bracket.exitOrder.map { orders[$0]?.status.isTerminal ?? true } ?? true
                if exitEnded && !hasWorkingOrder(on: contract, side: .buy) {
                    brackets.remove(at: index)
                    portfolio.removeFlatOption(contract)
                } else {
                    index += 1
                }
                continue
            }
            defer { index += 1 }
            guard inSession, let quote = snapshot.optionQuotes[contract], let takeProfit = try? bracket.takeProfit(cost: cost, tick: tick),
                let stop = try? bracket.stopLoss(cost: cost, tick: tick)
            else { continue }
            let mid = quote.mid
            if let exitID = bracket.exitOrder {
                let status = orders[exitID]?.status
                guard status?.isTerminal ?? true else {
                    // A resting take-profit whose stop is crossed: cancelled, so that the stop can go.
                    if bracket.exit == .takeProfit, mid <= stop, status == .open || status == .partiallyFilled,
                        requestCancel(exitID, at: snapshot.time)
                    {
                        outcome.intents.append(.cancel(exitID, reason: "oco_stop_loss"))
                    }
                    continue
                }
                brackets[index].clearExit()
            }
            let crossed: (exit: OptionBracket.Exit, level: Price)? =
                mid >= takeProfit ? (.takeProfit, takeProfit) : mid <= stop ? (.stopLoss, stop) : nil
            guard let crossed, let quantity = sellable(contract, held: held.quantity) else { continue }
            intentSequence += 1
            let order = Order(
                clientOrderID: planner.clientOrderID(symbol: contract.underlying, side: .sell, sequence: intentSequence),
                instrument: .option(contract), side: .sell,
                kind: crossed.exit == .takeProfit ? .limit(price: takeProfit, postOnly: false) : .market, quantity: quantity)
            let proposal = exitProposal(
                contract, exit: crossed.exit, quantity: quantity,
                note: "option \(contract.expiry) \(contract.right.rawValue)\(contract.strike) mid \(mid) crossed the "
                    + "\(crossed.exit == .takeProfit ? "take-profit" : "stop") \(crossed.level) (average premium \(cost))")
            register(order, proposal: proposal, at: snapshot.time, requotes: 0)
            riskState.recordTrade(at: snapshot.time)
            outcome.intents.append(.place(order, proposal: proposal))
            brackets[index].exitOrder = order.clientOrderID
            brackets[index].exit = crossed.exit
            outcome.optionExits.append(
                .init(contract: contract, exit: crossed.exit, mid: mid, level: crossed.level, cost: cost, clientOrderID: order.clientOrderID))
        }
    }

    /// What of `held` no working sell is selling already; `nil` when nothing is left.
    private func sellable(_ contract: OptionContract, held: Quantity) -> Quantity? {
        var remaining = held
        for order in portfolio.workingOrders.values where order.contract == contract && order.side == .sell {
            remaining = remaining.subtracting(order.remainingQuantity) ?? .zero
        }
        return remaining.isZero ? nil : remaining
    }

    private func hasWorkingOrder(on contract: OptionContract, side: OrderSide) -> Bool {
        portfolio.workingOrders.values.contains { $0.contract == contract && $0.side == side }
    }
}
