import Persistence
import TradingEngine
import TraderCore

extension MarketSnapshot {
    /// Why `order` was decided in this snapshot, carrying out `proposal`: the proposal's signal and
    /// regime, and the mid of the order's instrument now (an option's premium mid); `nil` without
    /// a quote to take it from.
    func origin(of order: Order, carryingOut proposal: TradeProposal) -> OrderOrigin? {
        let quote: Quote? =
            switch order.instrument {
            case .spot(let symbol): quotes[symbol]
            case .option(let contract): optionQuotes[contract]
            }
        return quote.map { OrderOrigin(signal: proposal.signal, regime: proposal.regime, decisionMid: $0.mid) }
    }

    /// The intents' orders as the store records them, each with its origin; a bracket's exits with
    /// the price they rest at as their reference.
    func intentRecords(of intents: [OrderIntent], cycleID: String) -> [IntentRecord] {
        intents.flatMap { intent -> [IntentRecord] in
            switch intent {
            case .place(let order, let proposal):
                return [IntentRecord(order, cycleID: cycleID, decidedAt: time, origin: origin(of: order, carryingOut: proposal))]
            case .placeBracket(let bracket, let proposal):
                // The exits rest at the venue until the market reaches them: each is measured
                // against the level it rests at (a stop's slippage is its fill past the trigger).
                let entry = bracket.entry.map { IntentRecord($0, cycleID: cycleID, decidedAt: time, origin: origin(of: $0, carryingOut: proposal)) }
                let exits = [bracket.takeProfit, bracket.stopLoss].map { exit in
                    let level = Self.restingLevel(of: exit).map { OrderOrigin(signal: proposal.signal, regime: proposal.regime, decisionMid: $0) }
                    return IntentRecord(exit, cycleID: cycleID, decidedAt: time, origin: level)
                }
                return (entry.map { [$0] } ?? []) + exits
            case .cancel, .lookup: return []
            }
        }
    }

    /// The price a limit or stop order rests at; `nil` for a market order.
    private static func restingLevel(of order: Order) -> Price? {
        switch order.kind {
        case .limit(let price, _): price
        case .stop(let trigger): trigger
        case .market: nil
        }
    }
}
