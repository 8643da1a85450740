import Backtest
import CostModel
import Logging
import TraderCore

/// How exchange-sim (and tests) set up a simulated Coinbase: products with Coinbase's BTC-USD
/// increments, the fee tier of the recorded transaction summary, a paper venue over real candles
/// warmed up so that candles and quotes exist at once, and the replay in clock time.
public enum SimulatorMarket {
    /// The fee tier of the recorded `GET /transaction_summary` body: maker 0.4 %, taker 0.6 %.
    public static let fees = FeeRates(makerBps: FixedPoint(40), takerBps: FixedPoint(60))

    /// The rules every product gets: the recorded BTC-USD product's increments and sizes
    /// (base increment 0.00000001, quote increment 0.01, sizes 0.00000001 to 3,400, at least 1 of
    /// the quote currency), online.
    public static func rules(for symbol: Symbol) -> ProductRules {
        ProductRules(
            symbol: symbol, baseIncrement: Quantity(FixedPoint(raw: 1)), priceIncrement: Price(FixedPoint(raw: 1_000_000)),
            minSize: Quantity(FixedPoint(raw: 1)), maxSize: Quantity(FixedPoint(3_400)), minNotional: FixedPoint(1), status: .online)
    }

    /// A simulated Coinbase over `sources` (one CSV of real candles a product), holding `cash`,
    /// filling at most `participationRate` of a bar's volume, with `warmupBars` bars already
    /// closed; its replay clock is the manual clock returned (stepped, or driven by ``replay(_:clock:pace:wallClock:)``).
    ///
    /// - Throws: ``SimulatorError`` `invalid_market` when the data cannot be read or is shorter than the warm-up.
    public static func make(
        sources: [HistoricalFeed.Source], cash: [Currency: FixedPoint], warmupBars: Int, participationRate: FixedPoint? = FixedPoint(raw: 10_000_000),
        wallNow: Timestamp, logger: Logger = Logger(label: "trader.exchange-sim", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws(SimulatorError) -> (exchange: SimulatedCoinbase, clock: ManualClock) {
        let clock = ManualClock(Timestamp(secondsSinceEpoch: 0))
        let venue: PaperVenue
        do {
            let feed = try HistoricalFeed(sources: sources)
            venue = try PaperVenue(
                feed: feed, products: sources.map { rules(for: $0.symbol) }, fillModel: FillModel(fees: fees, participationRate: participationRate),
                balances: cash, clock: clock, logger: logger)
            for _ in 0..<max(1, warmupBars) {
                guard let close = await venue.nextBarClose else {
                    throw SimulatorError(.invalidMarket, "the data holds fewer than \(warmupBars) bars for the warm-up")
                }
                clock.set(to: close)
                try await venue.advance(to: close)
            }
        } catch let error as SimulatorError {
            throw error
        } catch {
            throw SimulatorError(.invalidMarket, "\(error)")
        }
        let timeline = ReplayTimeline(replayNow: clock.now(), wallNow: wallNow, intervalSeconds: venue.interval.seconds)
        return (SimulatedCoinbase(venue: venue, fees: fees, timeline: timeline), clock)
    }

    /// Replays the rest of the history at `pace`: each bar is processed when its close comes on
    /// the scaled clock. Returns when the history is over.
    ///
    /// - Throws: `CancellationError` when the task is cancelled; ``SimulatorError`` for bad data.
    public static func replay(_ exchange: SimulatedCoinbase, clock: ManualClock, pace: ReplayPace, wallClock: any TradingClock) async throws {
        while let close = await exchange.venue.nextBarClose {
            try await wallClock.sleep(until: pace.wallTime(atReplay: close))
            clock.set(to: close)
            do {
                try await exchange.venue.advance(to: close)
            } catch {
                throw SimulatorError(.invalidMarket, "\(error)")
            }
        }
    }
}
