import Analytics
import Testing
import TraderCore

/// `compare`'s matching and flags on hand-made orders: the nearest live order of the same signal,
/// symbol and side within the window, each taken once; a miss named by the live decision nearest
/// to it, a halt before a rejection before a suppression; slippage and fees per notional.
@Suite struct RunComparisonTests {
    static let btc = Symbol(base: "BTC", quote: "USD")
    static let eth = Symbol(base: "ETH", quote: "USD")
    static let hour: Int64 = 3_600

    static func order(
        _ id: String, _ symbol: Symbol = btc, _ side: OrderSide = .buy, signal: String = "momentum", at seconds: Int64, mid: FixedPoint = 100,
        price: FixedPoint = 100, fee: FixedPoint = FixedPoint("0.04")!
    ) throws -> TradedOrder {
        try TradedOrder(
            id: id, symbol: symbol, side: side, signal: signal, decidedAt: Timestamp(secondsSinceEpoch: seconds), decisionMid: Price(mid),
            fills: [
                Fill(
                    tradeID: TradeID(id + "-t"), price: Price(price), quantity: Quantity(1), fee: Money(fee, Currency(code: "USD")),
                    liquidity: .maker, time: Timestamp(secondsSinceEpoch: seconds + 60))
            ])
    }

    static func report(_ kind: String) throws -> TradingReport {
        try TradingReport(
            kind: kind, source: kind, from: nil, to: nil, roundTrips: [], equity: [], fills: [], periodsPerYear: 8_760, riskFreeRate: 0,
            decisions: [:], cyclesWithoutSignal: 0, decisionsCoverWholeRun: false)
    }

    static func compare(_ backtest: [TradedOrder], _ live: [TradedOrder], refusals: [RunRefusal] = []) throws -> RunComparison {
        RunComparison(
            backtest: try report("backtest"), live: try report("live"), backtestOrders: backtest, liveOrders: live, liveRefusals: refusals,
            thresholds: DriftThresholds())
    }

    @Test func eachBacktestOrderTakesTheNearestLiveOrderOfItsSignalSymbolAndSideOnce() throws {
        let backtest = [
            try Self.order("b1", at: 10 * Self.hour), try Self.order("b2", at: 11 * Self.hour),
            try Self.order("b3", Self.eth, at: 10 * Self.hour), try Self.order("b4", signal: "mean_reversion", at: 10 * Self.hour),
        ]
        let live = [
            try Self.order("l1", at: 10 * Self.hour + 1_200),  // 20 min after b1, 40 min before b2
            try Self.order("l2", at: 11 * Self.hour + 600),  // 10 min after b2
            try Self.order("l3", Self.eth, .sell, at: 10 * Self.hour),  // the other side
            try Self.order("l4", signal: "mean_reversion", at: 12 * Self.hour),  // two hours late
        ]
        let comparison = try Self.compare(backtest, live)
        #expect(comparison.matched.map { [$0.backtest.id, $0.live.id] } == [["b1", "l1"], ["b2", "l2"]])
        #expect(comparison.missed.map(\.order.id) == ["b3", "b4"])
        #expect(comparison.missed.map(\.reason) == ["no_live_decision", "no_live_decision"])
        #expect(comparison.liveOnly.map(\.id) == ["l3", "l4"])
        #expect(comparison.flags.first { $0.name == "missed_trades" }?.value == 2)
        #expect(comparison.drifted)
    }

    @Test func aMissIsNamedByTheNearestLiveDecisionAHaltFirst() throws {
        let at = { (seconds: Int64) in Timestamp(secondsSinceEpoch: seconds) }
        let refusals = [
            RunRefusal(time: at(10 * Self.hour - 1_800), symbol: Self.btc, code: "asset_exposure_cap", kind: .rejection),
            RunRefusal(time: at(10 * Self.hour), symbol: Self.btc, code: "regime_disallows_signal", kind: .suppression),
            RunRefusal(time: at(10 * Self.hour), symbol: nil, code: "kill_switch_engaged", kind: .halt),
            RunRefusal(time: at(10 * Self.hour), symbol: Self.eth, code: "insufficient_depth", kind: .rejection),
            RunRefusal(time: at(20 * Self.hour + 600), symbol: Self.btc, code: "max_trades_per_hour", kind: .rejection),
            RunRefusal(time: at(20 * Self.hour - 600), symbol: Self.btc, code: "regime_unknown", kind: .suppression),
        ]
        let comparison = try Self.compare(
            [try Self.order("b1", at: 10 * Self.hour), try Self.order("b2", at: 20 * Self.hour), try Self.order("b3", at: 30 * Self.hour)], [],
            refusals: refusals)
        // b1: the halt of its own cycle; b2: two as near, the earlier; b3: none within the hour.
        #expect(comparison.missed.map(\.reason) == ["kill_switch_engaged", "regime_unknown", "no_live_decision"])
    }

    @Test func slippageAndFeesPerNotionalAreComparedWithTheBacktests() throws {
        // Backtest: bought at the mid. Live: 0.1 above it (10 bps) and a fee of 0.05 (5 bps, not 4).
        let comparison = try Self.compare(
            [try Self.order("b1", at: Self.hour), try Self.order("b2", Self.btc, .sell, at: 2 * Self.hour)],
            [try Self.order("l1", at: Self.hour, price: FixedPoint("100.1")!, fee: FixedPoint("0.05")!), try Self.order("l2", Self.btc, .sell, at: 2 * Self.hour, price: FixedPoint("99.9")!, fee: FixedPoint("0.05")!)])
        let flags = Dictionary(uniqueKeysWithValues: comparison.flags.map { ($0.name, $0) })
        #expect(comparison.backtestSlippageBps == 0)
        #expect(abs(try #require(comparison.liveSlippageBps) - 10) < 1e-9)
        #expect(try #require(flags["slippage_over_model"]).raised)
        #expect(abs(try #require(flags["fee_gap"]?.value) - 1) < 1e-9)
        #expect(flags["fee_gap"]?.raised == false)  // 1 bps is the threshold, not past it
        #expect(flags["return_gap"]?.value == nil && flags["return_gap"]?.raised == false)
    }
}
