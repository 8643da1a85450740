@testable import IBKRSimulator
import Testing
import TraderCore

/// Contracts, option chains and prices, historical bars and market data, over real SPY minute bars.
@Suite(.timeLimit(.minutes(1))) struct MarketDataTests {
    static let spyRequest = ["0", "SPY", "STK", "", "0.0", "", "", "SMART", "", "USD", "", ""]

    @Test func dailyBarFromMinuteBarsEqualsLeansDailyBar() async throws {
        // Two sessions closed: 2013-10-04 and 2013-10-07 (SOURCES.md: SPY 2013-10-07 is
        // O 167.43 H 168.45 L 167.25 C 167.42 V 81,489,219).
        let harness = try await GatewayHarness(warmupBars: 780)
        let sent = await harness.request(["20", "4"] + Self.spyRequest + ["0", "", "1 day", "1 W", "1", "TRADES", "1", "0", ""])
        let reply = try #require(sent.first)
        #expect(reply[0] == "17" && reply[1] == "4" && reply[4] == "2")
        #expect(Array(reply[13...20]) == ["20131007", "167.43", "168.45", "167.25", "167.42", "81489219", "167.71", "1"])
    }

    @Test func hourlyBarsStartAtTheOpenAndFollowTheClock() async throws {
        let harness = try await GatewayHarness(warmupBars: 150)
        let sent = await harness.request(["20", "5"] + Self.spyRequest + ["0", "", "1 hour", "1 D", "1", "TRADES", "1", "0", ""])
        let reply = try #require(sent.first)
        #expect(reply[4] == "3")
        let labels = stride(from: 5, to: reply.count, by: 8).map { reply[$0] }
        #expect(labels == ["20131004 09:30:00 US/Eastern", "20131004 10:00:00 US/Eastern", "20131004 11:00:00 US/Eastern"])
    }

    @Test func historyNeverReachesPastThePresent() async throws {
        let harness = try await GatewayHarness(warmupBars: 30)
        let sent = await harness.request(["20", "6"] + Self.spyRequest + ["0", "20131011 16:00:00 US/Eastern", "1 min", "2 D", "1", "TRADES", "2", "0", ""])
        let reply = try #require(sent.first)
        #expect(reply[4] == "30")
        #expect(reply[reply.count - 8] == "1380895140")
    }

    @Test func unsupportedBarSizeIsError162() async throws {
        let harness = try await GatewayHarness()
        let sent = await harness.request(["20", "7"] + Self.spyRequest + ["0", "", "30 secs", "1 D", "1", "TRADES", "1", "0", ""])
        #expect(sent.map { [$0[0], $0[2], $0[3]] } == [["4", "7", "162"]])
    }

    @Test func stockContractDetailsAreOneMatchWithRegularHours() async throws {
        let harness = try await GatewayHarness()
        let sent = await harness.request(["9", "8", "3"] + Self.spyRequest + ["0", "", "", ""])
        #expect(sent.map { $0[0] } == ["10", "52"])
        let details = sent[0]
        #expect(details.count == 40)
        #expect([details[2], details[3], details[7], details[12], details[20], details[25]] == ["SPY", "STK", "SMART", String(GatewayContract.stock("SPY").conID), "ARCA", "US/Eastern"])
        #expect(details[27].hasPrefix("20131004:0930-20131004:1600;20131005:CLOSED;20131006:CLOSED;20131007:0930-20131007:1600"))
    }

    @Test func unknownContractIsError200() async throws {
        let harness = try await GatewayHarness()
        let sent = await harness.request(["9", "8", "3", "0", "ZZZZ", "STK", "", "", "", "", "SMART", "", "USD", "", "", "0", "", "", ""])
        #expect(sent.map { [$0[0], $0[2], $0[3]] } == [["4", "3", "200"]])
    }

    @Test func optionChainListsWeeklyFridaysAndStrikesAroundThePrice() async throws {
        let harness = try await GatewayHarness()
        let conID = String(GatewayContract.stock("SPY").conID)
        let sent = await harness.request(["78", "11", "SPY", "", "STK", conID])
        #expect(sent.map { $0[0] } == ["75", "76"])
        let chain = sent[0]
        #expect(Array(chain[2...7]) == ["SMART", conID, "SPY", "100", "8", "20131004"])
        #expect(chain[14] == "20131122")
        // 20 % either side of 168.15 on a grid of 1: 135 … 201.
        #expect(chain[15] == "67" && chain[16] == "135" && chain.last == "201")
    }

    @Test func optionOrderFillsAtTheModelsAskAndItsPositionCostsPerContract() async throws {
        let harness = try await GatewayHarness()
        let option = ["0", "SPY", "OPT", "20131011", "168", "C", "100", "SMART", "", "USD", "", ""]
        let details = await harness.request(["9", "8", "1"] + option + ["0", "", "", ""])
        #expect(details.map { $0[0] } == ["10", "52"])
        #expect(details[0][9] == "SPY   131011C00168000" && details[0][14] == "100")
        let contract = GatewayContract.option("SPY", expiry: "20131011", strike: FixedPoint(168), right: "C")
        let quote = try #require(await harness.gateway.quote(of: contract))
        let sent = await harness.request(PlaceOrderMessage.make(1, contract: option, action: "BUY", quantity: "2", type: "MKT"))
        let execution = try #require(sent.first { $0[0] == "11" })
        #expect(execution[20] == quote.ask.description)
        #expect(sent.first { $0[0] == "59" }?[3] == "1.3")
        let positions = await harness.request(["61", "1"])
        #expect(positions.count == 2 && positions[0].count == 16)
        #expect([positions[0][5], positions[0][14], positions[0][15]] == ["OPT", "2", FixedPoint(raw: quote.ask.raw * 100).description])
    }

    @Test func snapshotSendsTheQuoteThenItsEnd() async throws {
        let harness = try await GatewayHarness()
        let sent = await harness.request(["1", "11", "21"] + Self.spyRequest + ["0", "", "1", "0", ""])
        #expect(sent.map { $0[0] } == ["58", "1", "1", "1", "2", "57"])
        #expect(sent[1].count == 7 && [sent[1][3], sent[1][4]] == ["1", "168.15"] && [sent[2][3], sent[2][4]] == ["2", "168.16"])
    }

    @Test func subscriptionGetsTicksAtEveryBar() async throws {
        let harness = try await GatewayHarness()
        _ = await harness.request(["1", "11", "22"] + Self.spyRequest + ["0", "", "0", "0", ""])
        let sent = try await harness.advance(bars: 2)
        #expect(sent.filter { $0[0] == "1" && $0[3] == "4" }.map { $0[4] } == ["168.2", "168.16"])
    }
}

/// The option model's figures, against Black–Scholes values computed by hand.
@Suite struct OptionPricerTests {
    @Test func atTheMoneyOneYearCallAndPutAtTwentyPercentVolatility() {
        let pricer = OptionPricer(volatility: 0.2)
        let year: Int64 = 365 * 86_400
        // S = K = 100, σ = 0.2, T = 1, r = 0: C = P = 100 (2 N(0.1) − 1) = 7.9656.
        #expect(pricer.price(right: "C", strike: FixedPoint(100), underlying: FixedPoint(100), secondsToExpiry: year) == FixedPoint("7.97"))
        #expect(pricer.price(right: "P", strike: FixedPoint(100), underlying: FixedPoint(100), secondsToExpiry: year) == FixedPoint("7.97"))
        #expect(abs(pricer.delta(right: "C", strike: FixedPoint(100), underlying: FixedPoint(100), secondsToExpiry: year) - 0.539_828) < 1e-6)
    }

    @Test func expiredOptionIsWorthItsIntrinsicValue() {
        let pricer = OptionPricer(volatility: 0.2)
        #expect(pricer.price(right: "C", strike: FixedPoint(100), underlying: FixedPoint(103), secondsToExpiry: 0) == FixedPoint(3))
        #expect(pricer.price(right: "P", strike: FixedPoint(100), underlying: FixedPoint(103), secondsToExpiry: -60) == .zero)
    }

    @Test func quoteSpreadIsFourPercentWithAFiveCentFloor() {
        let pricer = OptionPricer(volatility: 0.2)
        let year: Int64 = 365 * 86_400
        let quote = pricer.quote(right: "C", strike: FixedPoint(100), underlying: FixedPoint(100), secondsToExpiry: year)
        // 7.9656 ± 0.1593.
        #expect(quote.bid == FixedPoint("7.81") && quote.ask == FixedPoint("8.12"))
        let cheap = pricer.quote(right: "C", strike: FixedPoint(150), underlying: FixedPoint(100), secondsToExpiry: 86_400)
        #expect(cheap.bid == .zero && cheap.ask == FixedPoint("0.03"))
    }
}
