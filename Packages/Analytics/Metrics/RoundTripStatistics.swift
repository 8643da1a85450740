import TraderCore

/// Round trips accumulated as they close: totals, breakdowns by signal, symbol, regime and tier,
/// attribution and hold times. Memory grows with the number of round trips (eight bytes each for
/// the hold times), never with the number of bars.
public struct RoundTripStatistics: Sendable {
    /// All round trips together.
    public private(set) var all = TradeGroupStatistics()
    /// By the signal that opened them.
    public private(set) var bySignal: [String: TradeGroupStatistics] = [:]
    /// By symbol.
    public private(set) var bySymbol: [String: TradeGroupStatistics] = [:]
    /// By the regime at entry (`unknown` when the classifier had no answer).
    public private(set) var byRegime: [String: TradeGroupStatistics] = [:]
    /// By universe tier (`none` for symbols outside the tiers).
    public private(set) var byTier: [String: TradeGroupStatistics] = [:]
    /// Net PnL by source, summed.
    public private(set) var attribution = PerformanceMetrics.Attribution()
    /// Each round trip's hold time, in seconds, in closing order.
    public private(set) var holdSeconds: [Int64] = []

    /// No round trips.
    public init() {}

    /// Adds a round trip.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`; nothing changes then.
    public mutating func add(_ trip: RoundTrip) throws(ArithmeticError) {
        var next = self
        try next.all.add(trip)
        try next.bySignal[trip.signal, default: TradeGroupStatistics()].add(trip)
        try next.bySymbol[trip.symbol.description, default: TradeGroupStatistics()].add(trip)
        try next.byRegime[trip.regime?.rawValue ?? "unknown", default: TradeGroupStatistics()].add(trip)
        try next.byTier[trip.tier ?? "none", default: TradeGroupStatistics()].add(trip)
        try next.attribution.add(trip.attribution)
        next.holdSeconds.append(trip.holdTime.components.seconds)
        self = next
    }
}
