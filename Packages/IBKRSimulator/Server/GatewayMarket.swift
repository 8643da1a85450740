import Backtest
import CostModel
import Logging
import TraderCore

/// How exchange-sim (and tests) set up a simulated gateway: US stocks on a paper venue replaying
/// real bars, warmed up so that quotes and history exist at once, and the replay paced on the
/// wall clock.
public enum GatewayMarket {
    /// The rules every stock gets: whole shares, a cent tick.
    public static func rules(for symbol: Symbol) -> ProductRules {
        ProductRules(
            symbol: symbol, baseIncrement: Quantity(FixedPoint(1)), priceIncrement: Price(FixedPoint(raw: FixedPoint.scale / 100)),
            minSize: Quantity(FixedPoint(1)), maxSize: Quantity(FixedPoint(1_000_000)), minNotional: .zero, status: .online)
    }

    /// A gateway over `sources` (one CSV of real bars a stock, symbols such as `SPY-USD`) at
    /// `interval` (`nil`: the files' own), holding `cash` USD, with `warmupBars` bar closes already
    /// processed, filling at most `participationRate` of a bar's volume an order (`nil`: whole orders).
    ///
    /// - Throws: ``IBKRSimulatorError`` `invalid_market` when the data cannot be read or is shorter than the warm-up.
    public static func make(
        sources: [HistoricalFeed.Source], interval: BarInterval? = nil, cash: FixedPoint = FixedPoint(100_000), warmupBars: Int,
        volatility: Double = 0.2, permIDBase: Int = 1_000_000, participationRate: FixedPoint? = nil,
        logger: Logger = Logger(label: "trader.ibkr-sim", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(IBKRSimulatorError) -> SimulatedGateway {
        let clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
        do {
            let feed = try HistoricalFeed(sources: sources, resampleTo: interval)
            let venue = try PaperVenue(
                feed: feed, products: sources.map { rules(for: $0.symbol) }, fillModel: FillModel(fees: FeeRates(maker: .zero, taker: .zero)),
                balances: [.usd: cash], clock: clock, logger: logger)
            let gateway = try await SimulatedGateway(venue: venue, clock: clock, cash: cash, volatility: volatility, permIDBase: permIDBase, participationRate: participationRate, logger: logger)
            guard try await gateway.advance(bars: max(1, warmupBars)) == max(1, warmupBars) else {
                throw IBKRSimulatorError(.invalidMarket, "the data holds fewer than \(warmupBars) bar closes for the warm-up")
            }
            return gateway
        } catch let error as IBKRSimulatorError {
            throw error
        } catch {
            throw IBKRSimulatorError(.invalidMarket, "\(error)")
        }
    }
}

extension SimulatedGateway {
    /// Replays the rest of the bars `speed` times faster than they happened: each bar close comes
    /// a bar's length divided by `speed` of wall time after the one before, so nights, weekends
    /// and holidays between sessions pass at once. Returns when the data is over.
    ///
    /// - Throws: `CancellationError` when the task is cancelled; the replay's data errors.
    public func replay(speed: Int, wallClock: any TradingClock = SystemClock()) async throws {
        let step = Duration.seconds(venue.interval.seconds) / max(1, speed)
        var due = wallClock.now()
        while let close = await venue.nextBarClose {
            due = due.advanced(by: step)
            try await wallClock.sleep(until: due)
            try await advance(to: close)
        }
    }
}
