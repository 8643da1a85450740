import TraderCore

/// The exits protecting an option position, at the venue (native) or emulated by the engine.
///
/// **Native** (``native`` set; where the venue places brackets, ``OptionsConfiguration/nativeBrackets``):
/// the entry goes out as one bracket with a take-profit limit and a stop-loss stop, which the venue
/// releases when the entry fills and cancels one of when the other fills. The engine follows the
/// orders: a partly filled entry has its rest cancelled, exits that no longer match the position
/// (a partial entry, a partial exit) are cancelled, and a position held with no exit working gets a
/// new one-cancels-other pair for what it holds, at the prices of its average premium.
///
/// **Emulated**: a take-profit at
/// `takeProfitPct` above the average premium paid and a stop at `stopLossPct` below it. Each cycle
/// the engine compares the option's mid with both; when it crosses one, it sends that exit (a
/// take-profit limit, or a stop market close) for what is held, and no other exit while it works,
/// so the two can never both sell: a resting take-profit whose stop is crossed is cancelled first,
/// and the stop goes out once the cancel is confirmed. The prices follow the average cost, so a partly filled entry
/// (or one added to) resizes the exit with it. Part of the saved engine state: a restart neither
/// forgets an exit nor sends it twice.
public struct OptionBracket: Hashable, Sendable, Codable {
    /// The orders of a native bracket, by client order id.
    public struct NativeOrders: Hashable, Sendable, Codable {
        /// The entry they protect; `nil` for a pair placed on a position already held.
        public let entry: ClientOrderID?
        /// The take-profit limit.
        public let takeProfit: ClientOrderID
        /// The stop-loss stop.
        public let stopLoss: ClientOrderID

        /// The orders of a bracket placed at the venue.
        public init(_ bracket: OrderBracket) {
            entry = bracket.entry?.clientOrderID
            takeProfit = bracket.takeProfit.clientOrderID
            stopLoss = bracket.stopLoss.clientOrderID
        }

        private enum CodingKeys: String, CodingKey {
            case entry
            case takeProfit = "take_profit"
            case stopLoss = "stop_loss"
        }
    }

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
    /// The venue's orders of a native bracket; `nil` for an emulated one (and for a native one
    /// between an ended pair and its replacement).
    public internal(set) var native: NativeOrders?

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
        case native
    }
}
