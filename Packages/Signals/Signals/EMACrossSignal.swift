import TraderCore

/// The classic moving-average crossover: buys when the fast EMA of closes crosses above the slow
/// one, sells when it crosses below. A cross needs both averages on this bar and the one before
/// (TA-Lib seeding, so with periods 12 and 26 the first possible cross is on bar 26, 0-based).
/// `fast > slow` after `fast ≤ slow` is a cross up; `fast < slow` after `fast ≥ slow` a cross down.
public struct EMACrossSignal: Sendable {
    /// The registered name.
    public static let name = "ema_cross"
    /// The symbol it watches.
    public let symbol: Symbol
    private var fast: ExponentialMovingAverage
    private var slow: ExponentialMovingAverage
    private var previous: (fast: Double, slow: Double)?
    /// The facts' names, built once rather than on every cross.
    private let crossedAbove: String
    private let crossedBelow: String

    /// A crossover of EMAs over `fastPeriod` and `slowPeriod` closes.
    ///
    /// - Precondition: `0 < fastPeriod < slowPeriod`.
    public init(symbol: Symbol, fastPeriod: Int, slowPeriod: Int) {
        precondition(fastPeriod > 0 && fastPeriod < slowPeriod, "ema_cross needs 0 < fast_period < slow_period")
        self.symbol = symbol
        fast = ExponentialMovingAverage(period: fastPeriod)
        slow = ExponentialMovingAverage(period: slowPeriod)
        crossedAbove = "EMA(\(fastPeriod)) crossed above EMA(\(slowPeriod))"
        crossedBelow = "EMA(\(fastPeriod)) crossed below EMA(\(slowPeriod))"
    }

    /// Updates on a new bar; a trigger on a cross.
    public mutating func update(_ candle: Candle) -> Trigger? {
        let close = candle.close.value.doubleValue
        let fastValue = fast.update(close)
        guard let slowValue = slow.update(close), let fastValue else { return nil }
        defer { previous = (fastValue, slowValue) }
        guard let previous else { return nil }
        let action: Trigger.Action
        if fastValue > slowValue && previous.fast <= previous.slow {
            action = .buy
        } else if fastValue < slowValue && previous.fast >= previous.slow {
            action = .sell
        } else {
            return nil
        }
        return Trigger(
            signal: Self.name, symbol: symbol, action: action, strength: 1, confidence: 1,
            facts: [.gate(name: action == .buy ? crossedAbove : crossedBelow, value: fastValue, reference: slowValue)],
            time: candle.time)
    }
}
