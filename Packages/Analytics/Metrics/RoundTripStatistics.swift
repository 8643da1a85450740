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
        // Everything that can throw is computed on copies of the touched groups first, so a failure
        // changes nothing, without copying the dictionaries or the hold times.
        func added(_ group: TradeGroupStatistics?) throws(ArithmeticError) -> TradeGroupStatistics {
            var group = group ?? TradeGroupStatistics()
            try group.add(trip)
            return group
        }
        let keys = (signal: trip.signal, symbol: trip.symbol.description, regime: trip.regime?.rawValue ?? "unknown", tier: trip.tier ?? "none")
        let newAll = try added(all)
        let signal = try added(bySignal[keys.signal])
        let symbol = try added(bySymbol[keys.symbol])
        let regime = try added(byRegime[keys.regime])
        let tier = try added(byTier[keys.tier])
        var newAttribution = attribution
        try newAttribution.add(trip.attribution)
        all = newAll
        bySignal[keys.signal] = signal
        bySymbol[keys.symbol] = symbol
        byRegime[keys.regime] = regime
        byTier[keys.tier] = tier
        attribution = newAttribution
        holdSeconds.append(trip.holdTime.components.seconds)
    }
}
