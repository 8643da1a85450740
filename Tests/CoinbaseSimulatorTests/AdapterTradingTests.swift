import CoinbaseAdapter
import CoinbaseSimulator
import Testing
import TraderCore
import TraderTestKit

/// The adapter's preview, fee tier, market trades and product-rules cache against the simulator
/// over real loopback HTTP.
@Suite struct AdapterTradingTests {
    let btc = SimulatorHarness.btc

    func productReads(_ harness: SimulatorHarness) async throws -> Int {
        let served = try await harness.state()["served"] as? [String: Any]
        return (served?["requests"] as? [String: Int])?["GET /products/{product_id}"] ?? 0
    }

    @Test(.timeLimit(.minutes(1)))
    func aMarketBuyPreviewCostsItsNotionalAtTheAskPlusTheTakerFeeAndPlacesNothing() async throws {
        try await SimulatorHarness.with { harness in
            let venue = CoinbaseVenueUnderTest(harness: harness)
            let ask = try #require(try await harness.adapter.quotes(for: [btc])[btc]).ask
            let preview = try await harness.adapter.preview(try await venue.fillingBuy(ClientOrderID("preview-1")))
            let notional = try ask.notional(of: Quantity("0.01")!, rounding: .toNearestOrEven)
            let fee = try notional.multiplied(by: FixedPoint("0.006")!, rounding: .up)
            #expect(preview.errors == [])
            #expect(preview.baseSize == Quantity("0.01")!)
            #expect(preview.quoteSize == notional)
            #expect(preview.commission == fee)
            #expect(preview.orderTotal == (try notional.adding(fee)))
            #expect(preview.bestAsk == ask)
            #expect(try await harness.ordersHeld().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func previewsOfACrossingPostOnlyAndAnUnaffordableOrderNameTheirPreviewReasons() async throws {
        try await SimulatorHarness.with { harness in
            let venue = CoinbaseVenueUnderTest(harness: harness)
            let crossing = try await harness.adapter.preview(try await venue.crossingPostOnlyBuy(ClientOrderID("preview-2")))
            #expect(crossing.errors == ["PREVIEW_INVALID_LIMIT_PRICE_POST_ONLY"])
            let huge = Order(clientOrderID: ClientOrderID("preview-3"), symbol: btc, side: .buy, kind: .market, quantity: Quantity("1000")!)
            #expect(try await harness.adapter.preview(huge).errors == ["PREVIEW_INSUFFICIENT_FUND"])
            #expect(try await harness.ordersHeld().isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func theFeeTierIsTheSimulatorsFortyAndSixtyBasisPoints() async throws {
        try await SimulatorHarness.with { harness in
            let tier = try await harness.adapter.feeTier()
            #expect(tier.makerBps == FixedPoint(40))
            #expect(tier.takerBps == FixedPoint(60))
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func aFilledMarketBuyIsOnTheTapeWithTheSellerAsMaker() async throws {
        try await SimulatorHarness.with { harness in
            let venue = CoinbaseVenueUnderTest(harness: harness)
            #expect(try await harness.adapter.marketTrades(for: btc, limit: 10).trades.isEmpty)
            let order = try await venue.fillingBuy(ClientOrderID("tape-1"))
            _ = try await harness.adapter.place(order)
            try await venue.advanceMarket()
            let fills = try #require(try await harness.adapter.order(OrderReference(order.clientOrderID))).fills
            let tape = try await harness.adapter.marketTrades(for: btc, limit: 10)
            #expect(tape.trades.count == fills.count)
            #expect(tape.trades.map(\.price) == fills.reversed().map(\.price))
            #expect(tape.trades.allSatisfy { $0.makerSide == .sell && $0.symbol == btc })
            #expect(tape.bestBid != nil && tape.bestAsk != nil)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func productRulesAreReusedUntilAnOrderIsRefusedForAProductRule() async throws {
        try await SimulatorHarness.with { harness in
            #expect(try await harness.adapter.currentRules(for: [btc])[btc]?.status == .online)
            await harness.simulator.exchange.setStatus(.cancelOnly, of: btc)
            #expect(try await harness.adapter.currentRules(for: [btc])[btc]?.status == .online)
            #expect(try await productReads(harness) == 1)
            let order = try await CoinbaseVenueUnderTest(harness: harness).restingBuy(ClientOrderID("rules-1"))
            let error = await #expect(throws: VenueError.self) { _ = try await harness.adapter.place(order) }
            #expect(error?.rejection == .productUnavailable)
            #expect(try await harness.adapter.currentRules(for: [btc])[btc]?.status == .cancelOnly)
            #expect(try await productReads(harness) == 2)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func productRulesAreReadAgainOnceTheRefreshIntervalHasPassed() async throws {
        try await SimulatorHarness.with { harness async throws in
            let clock = ManualClock(SystemClock().now())
            var configuration = harness.configuration
            configuration.productRefreshInterval = .seconds(10)
            let adapter = CoinbaseAdapter(configuration: configuration, clock: clock)
            #expect(try await adapter.currentRules(for: [btc])[btc]?.status == .online)
            await harness.simulator.exchange.setStatus(.limitOnly, of: btc)
            clock.advance(by: .seconds(10))
            #expect(try await adapter.currentRules(for: [btc])[btc]?.status == .online)
            clock.advance(by: .seconds(1))
            #expect(try await adapter.currentRules(for: [btc])[btc]?.status == .limitOnly)
            #expect(try await productReads(harness) == 2)
        }
    }
}
