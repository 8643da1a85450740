import Analytics
import Testing
import TraderCore

@Suite struct PerformanceMetricsTests {
    static let btc = Symbol(base: "BTC", quote: "USD")
    static let eth = Symbol(base: "ETH", quote: "USD")

    static func trip(_ symbol: Symbol, signal: String, exit: FixedPoint, hold: Int64, regime: Regime? = .trend) throws -> RoundTrip {
        try RoundTrip(
            symbol: symbol, side: .buy, signal: signal, regime: regime, tier: symbol == btc ? "core" : nil, quantity: Quantity(1),
            entryTime: Timestamp(secondsSinceEpoch: 0), exitTime: Timestamp(secondsSinceEpoch: hold), entryPrice: Price(100),
            exitPrice: Price(exit), entryMid: Price(100), exitMid: Price(exit), fees: 1, makerFills: 1, fills: 2)
    }

    @Test func tradeStatisticsBreakdownsAndAttributionAddUp() throws {
        let trips = [
            try Self.trip(Self.btc, signal: "momentum", exit: 111, hold: 60),  // net +10
            try Self.trip(Self.btc, signal: "momentum", exit: 96, hold: 120),  // net −5
            try Self.trip(Self.eth, signal: "mean_reversion", exit: 121, hold: 600, regime: nil),  // net +20
            try Self.trip(Self.eth, signal: "mean_reversion", exit: 100, hold: 180),  // net −1
        ]
        var fills = FillTally()
        for trip in trips {
            try fills.record(Fill(tradeID: TradeID("a"), price: trip.entryPrice, quantity: Quantity(1), fee: Money(1, Currency(code: "USD")), liquidity: .maker, time: trip.entryTime))
            try fills.record(Fill(tradeID: TradeID("b"), price: trip.exitPrice, quantity: Quantity(1), fee: Money(0, Currency(code: "USD")), liquidity: .taker, time: trip.exitTime))
        }
        var statistics = RoundTripStatistics()
        for trip in trips { try statistics.add(trip) }
        let metrics = PerformanceMetrics(curve: EquityCurveStatistics(periodsPerYear: 8_760), roundTrips: statistics, fills: fills)
        #expect(metrics.trades.trades == 4)
        #expect(metrics.trades.winRate == 0.5)
        #expect(metrics.trades.netPnL == 24)
        #expect(metrics.trades.averageWin == 15)
        #expect(metrics.trades.averageLoss == -3)
        #expect(metrics.trades.profitFactor == 5)  // 30 / 6
        #expect(metrics.trades.expectancy == 6)
        #expect(metrics.feesPaid == 4)
        #expect(metrics.makerFillRatio == 0.5)
        #expect(metrics.holdTimeSeconds == HoldTimeDistribution(seconds: [60, 120, 180, 600]))
        #expect(metrics.holdTimeSeconds?.median == 120)
        #expect(metrics.holdTimeSeconds?.p90 == 600)
        #expect(metrics.holdTimeSeconds?.mean == 240)
        #expect(metrics.bySignal["momentum"]?.netPnL == 5)
        #expect(metrics.bySignal["mean_reversion"]?.netPnL == 19)
        #expect(metrics.bySymbol["ETH-USD"]?.wins == 1)
        #expect(metrics.byRegime["unknown"]?.trades == 1)
        #expect(metrics.byRegime["trend"]?.trades == 3)
        #expect(metrics.byTier["core"]?.trades == 2)
        #expect(metrics.byTier["none"]?.trades == 2)
        #expect(metrics.attribution.edge == 28)
        #expect(metrics.attribution.fees == 4)
        #expect(metrics.attribution.net == 24)
    }
}
