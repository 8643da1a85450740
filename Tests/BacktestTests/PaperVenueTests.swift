import Backtest
import Testing
import TraderCore
import TraderTestKit

/// What the paper venue does beyond the conformance suite: Coinbase's rejection reasons, and a
/// replay that runs on its clock.
@Suite struct PaperVenueTests {
    private func rejection(of order: Order, on subject: PaperVenueUnderTest) async -> String? {
        do {
            _ = try await subject.venue.place(order)
            return nil
        } catch {
            return "\(error.code) \(error.venueReason ?? "")"
        }
    }

    private func buy(_ quantity: String, limit: String? = nil) -> Order {
        Order(
            clientOrderID: ClientOrderID("paper-1"), symbol: PaperVenueUnderTest.btc, side: .buy,
            kind: limit.map { .limit(price: Price($0)!, postOnly: true) } ?? .market, quantity: Quantity(quantity)!)
    }

    @Test func ordersTheProductRulesOrTheFundsRefuseAreRejectedWithCoinbasesReasons() async throws {
        let subject = try await PaperVenueUnderTest.make()
        #expect(await rejection(of: buy("100"), on: subject) == "rejected INSUFFICIENT_FUND")  // about 250,000 USD
        #expect(await rejection(of: buy("0.00001"), on: subject) == "rejected PREVIEW_INVALID_BASE_SIZE_TOO_SMALL")
        #expect(await rejection(of: buy("0.01", limit: "1000.005"), on: subject) == "rejected INVALID_PRICE_PRECISION")
        let other = Order(
            clientOrderID: ClientOrderID("paper-2"), symbol: Symbol(base: "ETH", quote: "USD"), side: .buy, kind: .market,
            quantity: Quantity("1")!)
        #expect(await rejection(of: other, on: subject) == "rejected INVALID_PRODUCT_ID")
        #expect(try await subject.venue.openOrders().isEmpty)
    }

    @Test func runProcessesEachBarWhenTheClockReachesItsClose() async throws {
        let subject = try await PaperVenueUnderTest.make()
        let order = Order(clientOrderID: ClientOrderID("paper-run"), symbol: PaperVenueUnderTest.btc, side: .buy, kind: .market, quantity: Quantity("0.01")!)
        _ = try await subject.venue.place(order)
        let replay = Task { try await subject.venue.run() }
        while subject.clock.sleeperCount == 0 { await Task.yield() }
        // Asleep until the next bar closes: the order has not met a bar.
        #expect(try await subject.venue.order(OrderReference(order.clientOrderID))?.status == .open)
        guard let close = subject.clock.nextDeadline else { throw PaperVenueUnderTest.HarnessProblem.historyOver }
        subject.clock.set(to: close)
        var status = try await subject.venue.order(OrderReference(order.clientOrderID))?.status
        while status != .filled {
            await Task.yield()
            status = try await subject.venue.order(OrderReference(order.clientOrderID))?.status
        }
        replay.cancel()
        await #expect(throws: CancellationError.self) { try await replay.value }
    }

    @Test func quotesComeFromTheLastClosedBarAndBalancesFromTheStartingCash() async throws {
        let subject = try await PaperVenueUnderTest.make()
        let quote = try #require(try await subject.venue.quotes(for: [PaperVenueUnderTest.btc])[PaperVenueUnderTest.btc])
        // The second bar of coinbase_btcusd_1h.csv: 1498910400, close 2488.43, volume 157.36.
        #expect(quote.bid == Price("2488.43")!)
        #expect(quote.ask == Price("2488.44")!)
        #expect(quote.bidSize == Quantity("0.15736")!)
        #expect(quote.time == Timestamp(secondsSinceEpoch: 1_498_914_000))
        #expect(try await subject.venue.balances() == [Balance(currency: .usd, available: FixedPoint(100_000), hold: .zero)])
        let candles = try await subject.venue.candles(
            for: PaperVenueUnderTest.btc, interval: .seconds(3_600),
            in: Timestamp(secondsSinceEpoch: 0)..<Timestamp(secondsSinceEpoch: 2_000_000_000))
        #expect(candles.map(\.close) == [Price("2509.17")!, Price("2488.43")!])
    }

    @Test func aRefusalIsLoggedWithItsOrderAndReason() async throws {
        let feed = try HistoricalFeed(sources: [.init(symbol: PaperVenueUnderTest.btc, path: SharedData.path("data/coinbase_btcusd_1h.csv"))])
        let clock = ManualClock(Timestamp(secondsSinceEpoch: 1_498_914_000))
        let (logger, entries) = RecordingLogHandler.logger()
        let venue = try PaperVenue(
            feed: feed, products: [PaperVenueUnderTest.rules], fillModel: PaperVenueUnderTest.fillModel, balances: [.usd: FixedPoint(100)],
            clock: clock, logger: logger)
        try await venue.advance(to: clock.now())
        _ = try? await venue.place(buy("1"))
        #expect(entries.all.map(\.message) == ["order refused"])
        #expect(entries.all.first?.metadata == ["client_order_id": "paper-1", "reason": "INSUFFICIENT_FUND"])
    }
}
