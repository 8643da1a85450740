import Persistence
import TradingEngine

extension CycleOutcome {
    /// The cycle's decisions as its audit record keeps them, each with its stable reason code:
    /// trades risk approved, proposals the universe or risk refused, triggers the rules suppressed,
    /// halts, the option exits the brackets sent, the native brackets placed, and the option
    /// positions their expiry closed,
    /// and why nothing was traded when nothing was.
    var auditDecisions: [AuditRecord.Decision] {
        var decisions: [AuditRecord.Decision] = []
        for expiration in expirations {
            decisions.append(
                .init(
                    symbol: expiration.contract.description, outcome: "expired", code: "option_expired",
                    detail: "\(expiration.quantity) closed at intrinsic value \(expiration.intrinsicValue) (underlying \(expiration.underlyingPrice)); realized \(expiration.realized)"))
        }
        for exit in optionExits {
            decisions.append(
                .init(
                    symbol: exit.contract.description, outcome: "exit", code: exit.exit.rawValue,
                    detail: "mid \(exit.mid) crossed \(exit.level) (average premium \(exit.cost)): \(exit.clientOrderID)"))
        }
        for case .placeBracket(let bracket, let proposal) in intents {
            let instrument = bracket.takeProfit.instrument
            let exits = "take-profit \(bracket.takeProfit.clientOrderID), stop \(bracket.stopLoss.clientOrderID)"
            decisions.append(
                .init(
                    symbol: { if case .option(let contract) = instrument { contract.description } else { "\(instrument.underlying)" } }(), outcome: "protected", code: bracket.entry == nil ? "oco_pair" : "native_bracket",
                    detail: "\(bracket.takeProfit.quantity) at the venue (\(exits)): " + proposal.facts.map(\.description).joined(separator: "; ")))
        }
        for rejection in universeRejections {
            decisions.append(.init(symbol: rejection.proposal.symbol.description, outcome: "rejected", code: rejection.bar.code, detail: rejection.bar.detail))
        }
        for suppression in suppressions {
            decisions.append(.init(symbol: suppression.trigger.symbol.description, outcome: "suppressed", code: suppression.code, detail: suppression.detail))
        }
        if let risk {
            for stop in risk.stops { decisions.append(.init(symbol: "*", outcome: "halted", code: stop.code.rawValue, detail: stop.detail)) }
            for trade in risk.approved {
                decisions.append(
                    .init(
                        symbol: trade.proposal.symbol.description, outcome: "approved", code: nil,
                        detail: "\(trade.proposal.side) \(trade.quantity)\(trade.contract.map { " \($0)" } ?? "") at \(trade.referencePrice)"))
            }
            for rejection in risk.rejected {
                decisions.append(
                    .init(symbol: rejection.proposal.symbol.description, outcome: "rejected", code: rejection.finding.code.rawValue, detail: rejection.finding.detail))
            }
        }
        if let noTradeReason { decisions.append(.init(symbol: "*", outcome: "no_trade", code: noTradeReason.rawValue, detail: "no new trade this cycle")) }
        return decisions
    }
}
