import TraderCore

/// Round trips accumulated as they close: totals, breakdowns by signal, symbol, regime and tier,
/// attribution and hold times. Memory grows with the number of round trips (eight bytes each for
/// the hold times), never with the number of bars.
public struct RoundTripStatistics: Sendable {
    /// All round trips together.
    public private(set) var all = TradeGroupStatistics()
    /// By the signal that opened them.
    public var bySignal: [String: TradeGroupStatistics] { signals.named { $0 } }
    /// By symbol.
    public var bySymbol: [String: TradeGroupStatistics] {
        Dictionary(uniqueKeysWithValues: symbols.lazy.map { ($0.key.description, $0.value) })
    }
    /// By the regime at entry (`unknown` when the classifier had no answer).
    public var byRegime: [String: TradeGroupStatistics] { regimes.named { $0?.rawValue ?? "unknown" } }
    /// By universe tier (`none` for symbols outside the tiers).
    public var byTier: [String: TradeGroupStatistics] { tiers.named { $0 } }
    /// Net PnL by source, summed.
    public private(set) var attribution = PerformanceMetrics.Attribution()
    /// Each round trip's hold time, in seconds, in closing order.
    public private(set) var holdSeconds: [Int64] = []

    // Grouped by the values themselves; their names are built only when read.
    private var signals = TradeGroups<String>()
    private var symbols: [Symbol: TradeGroupStatistics] = [:]
    private var regimes = TradeGroups<Regime?>()
    private var tiers = TradeGroups<String>()  // by name: a tier may be called `none`

    /// No round trips.
    public init() {}

    /// Adds a round trip.
    ///
    /// - Throws: ``ArithmeticError`` `overflow`; nothing changes then.
    public mutating func add(_ trip: RoundTrip) throws(ArithmeticError) {
        // Everything that can throw is computed on copies of the touched groups first, so a failure
        // changes nothing.
        var newAll = all
        try newAll.add(trip)
        let signal = try signals.adding(trip, to: trip.signal)
        var symbol = symbols[trip.symbol] ?? TradeGroupStatistics()
        try symbol.add(trip)
        let regime = try regimes.adding(trip, to: trip.regime)
        let tier = try tiers.adding(trip, to: trip.tier ?? "none")
        var newAttribution = attribution
        try newAttribution.add(trip.attribution)
        all = newAll
        signals.store(signal)
        symbols[trip.symbol] = symbol
        regimes.store(regime)
        tiers.store(tier)
        attribution = newAttribution
        holdSeconds.append(trip.holdTime.components.seconds)
    }
}
