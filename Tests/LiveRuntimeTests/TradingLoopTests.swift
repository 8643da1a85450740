import Backtest
import LiveRuntime
import Synchronization
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// The trading loop on a manual clock over the paper venue: a cycle just after each bar's close,
/// jittered the same for the same seed, never two at once, an overrun counted and the slots it
/// covered skipped.
@Suite struct TradingLoopTests {
    @Test func cyclesStartJustAfterEachBoundaryJitteredTheSameForTheSameSeed() {
        let hour = Duration.seconds(3_600)
        var first = CycleSchedule(interval: hour, jitterPct: 5, seed: 42)
        var second = CycleSchedule(interval: hour, jitterPct: 5, seed: 42)
        var time = Timestamp(secondsSinceEpoch: 1_498_906_800 + 1_234)
        var starts: [Timestamp] = []
        for _ in 0..<50 {
            let (boundary, start) = first.next(after: time)
            #expect(boundary.secondsSinceEpoch % 3_600 == 0 && boundary > time)
            #expect(start >= boundary && start < boundary.advanced(bySeconds: 180))
            #expect(second.next(after: time).start == start)
            starts.append(start)
            time = start
        }
        #expect(Set(starts.map { $0.nanosecondsSinceEpoch % 3_600_000_000_000 }).count > 40, "the jitter varies")
        var still = CycleSchedule(interval: hour, jitterPct: 0, seed: 42)
        #expect(still.next(after: Timestamp(secondsSinceEpoch: 3_600)).start == Timestamp(secondsSinceEpoch: 7_200))
    }

    /// A paper venue on a manual clock, a node over it, and a loop of `cycles` cycles running in a task.
    struct Harness {
        let session: LiveSession
        let node: TradingNode
        let loop: TradingLoop

        init(cycles: Int, slowQuotes: Duration? = nil, reconcileInterval: Duration? = nil, gaps: VenueGaps? = nil) throws {
            session = try LiveSession(mode: .paper)
            var venue = VenueConnection(session.venue)
            if let slowQuotes { venue = VenueConnection(market: SlowMarket(base: session.venue, clock: session.clock, delay: slowQuotes), rest: session.venue) }
            let cycle = LiveCycle(
                configuration: .init(symbols: [LiveSession.btc], barInterval: .seconds(3_600), mode: .paper, configHash: "test"),
                venue: venue, store: session.store)
            node = TradingNode(engine: session.engine, cycle: cycle)
            loop = TradingLoop(
                configuration: .init(
                    interval: .seconds(3_600), jitterPct: 2, seed: 7, maxCycles: cycles, cancelWorkingOrdersOnShutdown: true,
                    reconcileInterval: reconcileInterval),
                node: node, clock: session.clock, gaps: gaps)
        }

        /// Runs the loop to its end, moving the clock to each deadline it sleeps until (the venue's
        /// bars first); the deadlines.
        func run() async throws -> [Timestamp] {
            let finished = Mutex(false)
            let running = Task {
                defer { finished.withLock { $0 = true } }
                try await loop.run()
            }
            var wakes: [Timestamp] = []
            while !finished.withLock({ $0 }) {
                guard session.clock.sleeperCount > 0, let deadline = session.clock.nextDeadline else {
                    await Task.yield()
                    continue
                }
                try await session.venue.advance(to: Timestamp(secondsSinceEpoch: deadline.secondsSinceEpoch / 3_600 * 3_600))
                session.clock.set(to: deadline)
                wakes.append(deadline)
            }
            try await running.value
            return wakes
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func theLoopRunsOneCycleJustAfterEachBarClose() async throws {
        let harness = try Harness(cycles: 24)
        defer { harness.session.remove() }
        harness.session.clock.set(to: Timestamp(secondsSinceEpoch: 1_498_906_800))
        let wakes = try await harness.run()
        let summary = await harness.node.summary
        #expect(summary.cycles == 24)
        #expect(summary.overruns == 0)
        #expect(wakes.count == 24)
        #expect(zip(wakes, wakes.dropFirst()).allSatisfy { $1.secondsSinceEpoch / 3_600 == $0.secondsSinceEpoch / 3_600 + 1 })
        #expect(try await harness.session.store.latestEngineSnapshot()?.cycle == 24)
    }

    @Test(.timeLimit(.minutes(1)))
    func aCycleThatRunsPastTheNextSlotIsCountedAndTheSlotsItCoveredAreSkipped() async throws {
        let harness = try Harness(cycles: 3, slowQuotes: .seconds(9_000))
        defer { harness.session.remove() }
        harness.session.clock.set(to: Timestamp(secondsSinceEpoch: 1_498_906_800))
        let wakes = try await harness.run()
        #expect(await harness.node.summary.overruns == 3)
        // Each cycle takes two and a half bars: the next starts in the third bar after it began.
        #expect(zip(wakes, wakes.dropFirst()).allSatisfy { $1.secondsSinceEpoch / 3_600 == $0.secondsSinceEpoch / 3_600 + 3 })
    }
}

/// Market data whose quotes take `delay` of the manual clock to arrive: a slow venue.
struct SlowMarket: MarketData {
    let base: PaperVenue
    let clock: ManualClock
    let delay: Duration

    func quotes(for symbols: [Symbol]) async throws(VenueError) -> SymbolMap<Quote> {
        clock.advance(by: delay)
        return try await base.quotes(for: symbols)
    }

    func candles(for symbol: Symbol, interval: Duration, in range: Range<Timestamp>) async throws(VenueError) -> [Candle] {
        try await base.candles(for: symbol, interval: interval, in: range)
    }

    func book(for symbol: Symbol, depth: Int) async throws(VenueError) -> BookSnapshot {
        try await base.book(for: symbol, depth: depth)
    }
}

/// A node's last act at a graceful shutdown: the engine's working orders cancelled at the venue.
@Suite struct NodeShutdownTests {
    @Test func theWorkingOrdersAreCancelledAtTheVenue() async throws {
        let session = try LiveSession(mode: .paper)
        defer { session.remove() }
        let node = TradingNode(engine: session.engine, cycle: session.cycle)
        var working: [ClientOrderID] = []
        for _ in 0..<2_000 where working.isEmpty {
            guard let close = try await session.nextHour() else { break }
            try await node.runCycle(at: close)
            working = await node.engine.portfolio.workingOrders.keys.sorted()
        }
        try #require(!working.isEmpty, "no cycle left an order working")
        #expect(await node.cancelWorkingOrders() == working)
        for id in working { #expect(try await session.venue.order(OrderReference(id))?.status == .cancelled) }
    }
}
