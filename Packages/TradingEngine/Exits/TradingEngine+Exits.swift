import RiskKit
import Signals
import TraderCore

extension TradingEngine {
    /// Follows every open spot position for `rules` and puts the exit each one meets, if any, at
    /// the head of `decision`'s proposals, in place of the rules' own proposals for its symbol. A
    /// position being sold already, or whose exit fired before, is left alone; positions closed
    /// since are forgotten.
    mutating func proposeExits(_ rules: ExitRules, _ snapshot: MarketSnapshot, into decision: inout RulesEngine.Outcome) {
        var exits: [TradeProposal] = []
        for symbol in exitWatches.keys where portfolio.positions[symbol]?.isFlat ?? true { exitWatches[symbol] = nil }
        for (symbol, position) in portfolio.positions where !position.isFlat {
            guard case .spot = position.instrument, let mark = marks[symbol], let entry = position.averageCost else { continue }
            let regime = scanner.latest.regimes[symbol]
            var watch =
                exitWatches[symbol] ?? ExitWatch(openedAt: snapshot.time, highest: mark, regime: regime, atrAtEntry: exitRanges[symbol]?.value)
            watch.highest = max(watch.highest, mark, snapshot.candles[symbol]?.high ?? mark)
            defer { exitWatches[symbol] = watch }
            guard let reason = rules.reason(entry: entry, mark: mark, watch: watch, regime: regime, now: snapshot.time),
                !watch.fired.contains(reason), !isSelling(symbol)
            else { continue }
            watch.fired.append(reason)
            exits.append(
                TradeProposal(
                    symbol: symbol, side: .sell, sizePct: 0, confidence: 1, conviction: .high, signal: reason.rawValue,
                    facts: [.note("\(reason.rawValue): mark \(mark), average entry \(entry), high \(watch.highest)")], regime: regime))
        }
        guard !exits.isEmpty else { return }
        let exited = Set(exits.map(\.symbol))
        decision.proposals = exits.sorted { $0.symbol < $1.symbol } + decision.proposals.filter { !exited.contains($0.symbol) }
    }

    /// What an approved exit sells: all risk approved (what is held and not being sold), or the
    /// rules' fraction of the position, rounded down to the product's increment.
    func exitQuantity(_ trade: ApprovedTrade, rules: ProductRules) -> Quantity {
        guard let exits = configuration.exits, exits.fraction < FixedPoint(1), ExitRules.Reason(rawValue: trade.proposal.signal) != nil,
            let held = portfolio.positions[trade.proposal.symbol]?.quantity,
            let part = try? Quantity(held.value.multiplied(by: exits.fraction, rounding: .down)).rounded(toIncrement: rules.baseIncrement, .down)
        else { return trade.quantity }
        return min(part, trade.quantity)
    }

    /// Feeds `candles` to the average true ranges the ATR stop reads (when the exits have one).
    mutating func updateExitRanges(with candles: SymbolMap<Candle>) {
        guard let period = configuration.exits.flatMap({ $0.stopLossATR == nil ? nil : $0.atrPeriod }) else { return }
        for (symbol, candle) in candles {
            var range = exitRanges[symbol] ?? AverageTrueRange(period: period)
            _ = range.update(high: candle.high.value.doubleValue, low: candle.low.value.doubleValue, close: candle.close.value.doubleValue)
            exitRanges[symbol] = range
        }
    }

    /// Whether a sell of `symbol` works.
    private func isSelling(_ symbol: Symbol) -> Bool {
        portfolio.workingOrders.values.contains { $0.side == .sell && $0.symbol == symbol && $0.contract == nil }
    }
}
