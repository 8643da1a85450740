import IBKRAdapter
@testable import IBKRSimulator
import Testing
import TraderCore

/// ``IBKRAdapter`` against the simulator over TCP: market data, the account, and surviving a
/// gateway restart and lost connectivity without losing a fill or placing an order twice.
@Suite(.timeLimit(.minutes(1))) struct AdapterOverSimulatorTests {
    static let spy = AdapterHarness.spy

    static func limitBuy(_ id: String, at price: FixedPoint, quantity: Int = 2) -> Order {
        Order(clientOrderID: ClientOrderID(id), symbol: spy, side: .buy, kind: .limit(price: Price(price), postOnly: false), quantity: Quantity(FixedPoint(quantity)))
    }

    @Test func quoteRulesAndCandlesComeFromTheReplay() async throws {
        try await AdapterHarness.with { harness in
            let quote = try #require(try await harness.adapter.quotes(for: [Self.spy])[Self.spy])
            #expect(quote.bid == Price(decimal("168.15")) && quote.ask == Price(decimal("168.16")))
            let rules = try await harness.adapter.rules(for: Self.spy)
            #expect(rules.priceIncrement == Price(decimal("0.01")) && rules.baseIncrement == Quantity(FixedPoint(1)))
            let end = Timestamp(secondsSinceEpoch: 1_380_895_200)
            let candles = try await harness.adapter.candles(for: Self.spy, interval: .seconds(60), in: end.advanced(bySeconds: -300)..<end)
            #expect(candles.map(\.time.secondsSinceEpoch) == [1_380_894_900, 1_380_894_960, 1_380_895_020, 1_380_895_080, 1_380_895_140])
            #expect(candles.last.map { [$0.open, $0.high, $0.low, $0.close] } == [decimal("168.18"), decimal("168.2"), decimal("168.14"), decimal("168.15")].map(Price.init))
            let hours = try await harness.adapter.candles(for: Self.spy, interval: .seconds(3600), in: end.advanced(bySeconds: -3600)..<end)
            #expect(hours.map(\.time.secondsSinceEpoch) == [1_380_893_400])
        }
    }

    @Test func balancesHoldCashForWorkingBuysAndCountSharesAsTheStocksBalance() async throws {
        try await AdapterHarness.with { harness in
            _ = try await harness.adapter.place(Self.limitBuy("resting", at: FixedPoint(160)))
            _ = try await harness.adapter.place(Self.limitBuy("filling", at: FixedPoint(169), quantity: 3))
            _ = try await harness.adapter.serverTime()
            let balances = try await harness.adapter.balances()
            // Cash 100,000 − 3 × 168.16 − 1.00 commission = 99,494.52, of which 2 × 160 is held for the resting buy.
            #expect(balances.map { [$0.currency.code, $0.available.description, $0.hold.description] } == [["SPY", "3", "0"], ["USD", "99174.52", "320"]])
            #expect(try await harness.adapter.positions().isEmpty)
        }
    }

    @Test func optionPositionIsReportedPerUnitOfTheUnderlying() async throws {
        try await AdapterHarness.with { harness in
            let option = OptionContract(underlying: Self.spy, expiry: "20131011", strike: Price(FixedPoint(168)), right: .call)
            let order = Order(clientOrderID: ClientOrderID("call"), instrument: .option(option), side: .buy, kind: .market, quantity: Quantity(FixedPoint(2)))
            _ = try await harness.adapter.place(order)
            _ = try await harness.adapter.serverTime()
            let ask = try #require(await harness.gateway.quote(of: GatewayContract.option("SPY", expiry: "20131011", strike: FixedPoint(168), right: "C"))).ask
            #expect(try await harness.adapter.positions() == [VenuePosition(instrument: .option(option), quantity: Quantity(FixedPoint(2)), averageCost: Price(ask))])
            let fills = try await harness.adapter.fills(since: Timestamp(secondsSinceEpoch: 0))
            #expect(fills.map { [$0.fill.price.description, $0.fill.fee.amount.description] } == [[ask.description, "1.3"]])
        }
    }

    @Test func gatewayRestartWithRolledBackIDsLosesNoFillAndReusesNoID() async throws {
        try await AdapterHarness.with { harness in
            let events = await harness.adapter.events()
            _ = try await harness.adapter.place(Self.limitBuy("a", at: decimal("168.14")))
            await harness.gateway.restart(nextValidID: 1)
            // While the adapter is away, the order fills at 10:02 (low 168.13).
            try await harness.gateway.advance(bars: 3)
            await harness.adapter.waitUntilConnected()
            var gaps = 0
            for await update in events {
                if case .gap = update { gaps += 1; break }
            }
            #expect(gaps == 1)
            let report = try #require(try await harness.adapter.order(OrderReference(ClientOrderID("a"))))
            #expect(report.status == .filled && report.fills.map(\.price) == [Price(decimal("168.14"))])
            _ = try await harness.adapter.place(Self.limitBuy("b", at: FixedPoint(160)))
            #expect(try await harness.adapter.openOrders().map(\.clientOrderID) == [ClientOrderID("b")])
            #expect(await harness.gateway.orders.count == 2)
        }
    }

    @Test func lostConnectivityRefusesOrdersAndItsRestoreIsAGap() async throws {
        try await AdapterHarness.with { harness in
            let events = await harness.adapter.events()
            await harness.gateway.loseConnectivity()
            _ = try await harness.adapter.serverTime()
            await #expect(throws: VenueError.self) { try await harness.adapter.place(Self.limitBuy("held", at: FixedPoint(160))) }
            #expect(await harness.gateway.orders.isEmpty)
            await harness.gateway.restoreConnectivity(dataLost: true)
            for await update in events {
                if case .gap(_, let reason) = update {
                    #expect(reason == "IB connectivity restored (1101)")
                    break
                }
            }
            _ = try await harness.adapter.place(Self.limitBuy("after", at: FixedPoint(160)))
            #expect(await harness.gateway.orders.count == 1)
        }
    }

    @Test func refusedOrderIsADefiniteRejectionWithIBsCode() async throws {
        try await AdapterHarness.with(cash: FixedPoint(100)) { harness in
            do {
                _ = try await harness.adapter.place(Self.limitBuy("big", at: FixedPoint(168)))
                Issue.record("an order beyond the cash was accepted")
            } catch let error as VenueError {
                #expect(error.code == .rejected && error.venueReason == "201" && error.rejection == .insufficientFunds && !error.isAmbiguous)
            }
            #expect(try await harness.adapter.order(OrderReference(ClientOrderID("big")))?.status == .rejected)
        }
    }
}

/// A decimal literal of a test (a bad literal is the test's own bug, and stops it).
func decimal(_ text: String) -> FixedPoint {
    guard let value = FixedPoint(text) else { fatalError("not a decimal literal: \(text)") }
    return value
}

/// Option chains and quotes through the adapter, priced by the simulator's model.
@Suite(.timeLimit(.minutes(1))) struct AdapterOptionDataTests {
    @Test func chainListsTheWeeklyExpiriesAndTheStrikesAroundThePrice() async throws {
        try await AdapterHarness.with { harness in
            let chain = try await harness.adapter.optionChain(for: AdapterHarness.spy)
            #expect(chain.multiplier == 100 && chain.expiries.count == 8)
            #expect(chain.expiries.first == "20131004" && chain.expiries.last == "20131122")
            #expect(chain.strikes.first == Price(FixedPoint(135)) && chain.strikes.last == Price(FixedPoint(201)) && chain.strikes.count == 67)
        }
    }

    @Test func optionQuoteCarriesTheModelsComputation() async throws {
        try await AdapterHarness.with { harness in
            let contract = OptionContract(underlying: AdapterHarness.spy, expiry: "20131011", strike: Price(FixedPoint(168)), right: .call)
            let quote = try await harness.adapter.optionQuote(for: contract)
            let simulated = try #require(await harness.gateway.quote(of: GatewayContract.option("SPY", expiry: "20131011", strike: FixedPoint(168), right: "C")))
            #expect(quote.bid == Price(simulated.bid) && quote.ask == Price(simulated.ask))
            let model = try #require(quote.model)
            #expect(model.impliedVolatility == 0.2 && model.underlyingPrice == 168.15 && model.delta > 0.5 && model.delta < 0.6)
        }
    }

    @Test func quoteOfAnUnlistedOptionIsNotFound() async throws {
        try await AdapterHarness.with { harness in
            let contract = OptionContract(underlying: Symbol(base: "ZZZZ", quote: "USD"), expiry: "20131011", strike: Price(FixedPoint(10)), right: .put)
            await #expect(throws: VenueError.self) { try await harness.adapter.optionQuote(for: contract) }
        }
    }
}
