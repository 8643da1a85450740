import TraderCore

/// The engine's emulated one-cancels-other exit on an option position: a take-profit at
/// `takeProfitPct` above the average premium paid and a stop at `stopLossPct` below it. Each cycle
/// the engine compares the option's mid with both; when it crosses one, it sends that exit (a
/// take-profit limit, or a stop market close) for what is held, and no other exit while it works,
/// so the two can never both sell: a resting take-profit whose stop is crossed is cancelled first,
/// and the stop goes out once the cancel is confirmed. The prices follow the average cost, so a partly filled entry
/// (or one added to) resizes the exit with it. Part of the saved engine state: a restart neither
/// forgets an exit nor sends it twice.
public struct OptionBracket: Hashable, Sendable, Codable {
    /// Why an exit was sent.
    public enum Exit: String, Hashable, Sendable, Codable {
        case takeProfit = "take_profit"
        case stopLoss = "stop_loss"
    }

    /// The contract it protects.
    public let contract: OptionContract
    /// Premium gained, %, that takes the profit.
    public let takeProfitPct: FixedPoint
    /// Premium lost, %, that stops the loss.
    public let stopLossPct: FixedPoint
    /// The exit sent and not yet ended, if any, and which it is.
    public internal(set) var exitOrder: ClientOrderID?
    /// See ``exitOrder``.
    public internal(set) var exit: Exit?

    /// A bracket with no exit sent.
    public init(contract: OptionContract, takeProfitPct: FixedPoint, stopLossPct: FixedPoint) {
        self.contract = contract
        self.takeProfitPct = takeProfitPct
        self.stopLossPct = stopLossPct
    }

    /// Forgets the exit sent, once it has ended.
    mutating func clearExit() {
        exitOrder = nil
        exit = nil
    }

    /// The take-profit price for an average premium of `cost`, rounded up to `tick`.
    public func takeProfit(cost: Price, tick: Price) throws(ArithmeticError) -> Price {
        let hundred = FixedPoint(100)
        let price = try cost.value.multiplied(by: hundred.adding(takeProfitPct), dividedBy: hundred, rounding: .up)
        return try Price(price).rounded(toTick: tick, .up)
    }

    /// The stop price for an average premium of `cost`, rounded down to `tick`.
    public func stopLoss(cost: Price, tick: Price) throws(ArithmeticError) -> Price {
        let hundred = FixedPoint(100)
        let price = try cost.value.multiplied(by: hundred.subtracting(stopLossPct), dividedBy: hundred, rounding: .down)
        return try Price(price).rounded(toTick: tick, .down)
    }

    private enum CodingKeys: String, CodingKey {
        case contract
        case takeProfitPct = "take_profit_pct"
        case stopLossPct = "stop_loss_pct"
        case exitOrder = "exit_order"
        case exit
    }
}
