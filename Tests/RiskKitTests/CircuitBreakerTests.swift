import Foundation
import RiskKit
import Testing
import TraderCore

@Suite struct CircuitBreakerTests {
    typealias S = RiskScenario

    private func withQuoteAge(nanoseconds: Int64) -> RiskScenario {
        var scenario = RiskScenario()
        let quote = scenario.context.quotes[S.eth]!
        scenario.context.quotes[S.eth] = Quote(
            symbol: S.eth, bid: quote.bid, ask: quote.ask, bidSize: quote.bidSize, askSize: quote.askSize,
            time: Timestamp(nanosecondsSinceEpoch: S.start.nanosecondsSinceEpoch - nanoseconds))
        return scenario
    }

    @Test func aQuoteExactlyAtTheStalenessLimitIsFreshAndOneNanosecondOlderIsStale() {
        #expect(withQuoteAge(nanoseconds: 10_000_000_000).evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
        let stale = withQuoteAge(nanoseconds: 10_000_000_001).evaluate(buy(S.eth, pct: 1))
        #expect(stale.onlyCode == "stale_quote")
        #expect(stale.rejected.first?.finding.limit == 10)
        #expect(stale.rejected.first?.finding.value == 10)  // 10.000000001 s, shown to 10⁻⁸ s
    }

    @Test func staleQuotesStopExitsToo() {
        var scenario = withQuoteAge(nanoseconds: 60_000_000_000)
        scenario.hold("1", of: S.eth)
        #expect(scenario.evaluate(sell(S.eth)).onlyCode == "stale_quote")
    }

    @Test func aMissingQuoteIsRefusedNotGuessed() {
        var scenario = RiskScenario()
        scenario.context.quotes[S.eth] = nil
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "missing_quote")
    }

    @Test func aCrossedQuoteIsRefused() {
        var scenario = RiskScenario()
        scenario.context.quotes[S.eth] = Quote(
            symbol: S.eth, bid: Price("2000")!, ask: Price("2000")!, bidSize: Quantity("1")!, askSize: Quantity("1")!, time: S.start)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "crossed_quote")
    }

    @Test func anErrorRateAtTheThresholdHalts() {
        var scenario = RiskScenario()
        scenario.context.venueHealth = VenueHealth(requests: 10, failures: 2)
        let evaluation = scenario.evaluate(buy(S.eth, pct: 1))
        #expect(evaluation.tradingState == .halted)
        #expect(evaluation.onlyCode == "api_error_rate")
        #expect(evaluation.stops.first?.limit == 20)
        #expect(evaluation.stops.first?.value == 20)
        scenario.context.venueHealth = VenueHealth(requests: 10, failures: 1)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).tradingState == .active)
    }

    @Test func rateLimitHitsAtTheLimitHalt() {
        var scenario = RiskScenario()
        scenario.context.venueHealth = VenueHealth(requests: 100, failures: 3, rateLimitHits: 3)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == "rate_limit_hits")
        scenario.context.venueHealth = VenueHealth(requests: 100, failures: 2, rateLimitHits: 2)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).rejected.isEmpty)
    }

    @Test func theHealthWindowForgetsOutcomesOlderThanItsLength() {
        var window = VenueHealthWindow(length: .seconds(300))
        window.record(.rateLimited, at: S.start)
        window.record(.failure, at: S.start.advanced(by: .seconds(100)))
        window.record(.success, at: S.start.advanced(by: .seconds(200)))
        #expect(window.health(at: S.start.advanced(by: .seconds(299))) == VenueHealth(requests: 3, failures: 2, rateLimitHits: 1))
        #expect(window.health(at: S.start.advanced(by: .seconds(300))) == VenueHealth(requests: 2, failures: 1, rateLimitHits: 0))
    }

    @Test(arguments: [
        (ProductRules.Status.cancelOnly, "product_entries_blocked" as String?, "product_not_tradable" as String?),
        (.disabled, "product_entries_blocked", "product_not_tradable"),
        (.limitOnly, nil, nil),
        (.postOnly, nil, nil),
    ])
    func productStatusFollowsExchangeHealth(status: ProductRules.Status, entry: String?, exit: String?) {
        var scenario = RiskScenario()
        scenario.hold("1", of: S.eth)
        let rules = scenario.context.products[S.eth]!
        scenario.context.products[S.eth] = ProductRules(
            symbol: S.eth, baseIncrement: rules.baseIncrement, priceIncrement: rules.priceIncrement, minSize: rules.minSize,
            maxSize: rules.maxSize, minNotional: rules.minNotional, status: status)
        #expect(scenario.evaluate(buy(S.eth, pct: 1)).onlyCode == entry)
        #expect(scenario.evaluate(sell(S.eth)).onlyCode == exit)
    }

    @Test func anOfflineProductHaltsEveryProduct() {
        var scenario = RiskScenario()
        let rules = scenario.context.products[S.doge]!
        scenario.context.products[S.doge] = ProductRules(
            symbol: S.doge, baseIncrement: rules.baseIncrement, priceIncrement: rules.priceIncrement, minSize: rules.minSize,
            maxSize: rules.maxSize, minNotional: rules.minNotional, status: .offline)
        let evaluation = scenario.evaluate(buy(S.eth, pct: 1))
        #expect(evaluation.tradingState == .halted)
        #expect(evaluation.onlyCode == "exchange_status_halt")
    }

    @Test func aCrashRegimeStopsEntriesButNotExits() {
        var scenario = RiskScenario()
        scenario.hold("1", of: S.eth)
        scenario.context.isCrashRegime = true
        let evaluation = scenario.evaluate([buy(S.sol, pct: 1), sell(S.eth)])
        #expect(evaluation.tradingState == .reducing)
        #expect(evaluation.rejected.map(\.code) == [.crashRegime])
        #expect(evaluation.approved.map(\.proposal.symbol) == [S.eth])
        scenario.limits.breakers.haltOnCrashRegime = false
        #expect(scenario.evaluate(buy(S.sol, pct: 1)).tradingState == .active)
    }

    @Test func aHeldSymbolWithoutAMarkStopsEntries() {
        var scenario = RiskScenario()
        scenario.hold("1", of: S.eth)
        scenario.context.marks[S.eth] = nil
        let evaluation = scenario.evaluate(buy(S.sol, pct: 1))
        #expect(evaluation.nav == nil)
        #expect(evaluation.onlyCode == "nav_unavailable")
    }

    @Test func theOperatorsStatesApply() {
        var scenario = RiskScenario()
        scenario.hold("1", of: S.eth)
        scenario.context.tradingState = .reducing
        let reducing = scenario.evaluate([buy(S.sol, pct: 1), sell(S.eth)])
        #expect(reducing.rejected.map(\.code) == [.reducingOnly])
        #expect(reducing.approved.count == 1)
        scenario.context.tradingState = .halted
        #expect(scenario.evaluate([buy(S.sol, pct: 1), sell(S.eth)]).rejected.map(\.code) == [.tradingHalted, .tradingHalted])
    }
}

@Suite struct KillSwitchTests {
    @Test func theKillSwitchHaltsEveryProposalFirst() {
        var scenario = RiskScenario()
        scenario.context.killSwitchEngaged = true
        scenario.context.isCrashRegime = true
        let evaluation = scenario.evaluate(buy(RiskScenario.eth, pct: 1))
        #expect(evaluation.tradingState == .halted)
        #expect(evaluation.stops.map(\.code) == [.killSwitchEngaged, .crashRegime])
        #expect(evaluation.onlyCode == "kill_switch_engaged")
    }

    @Test func theFileEngagesTheSwitchWhileItExists() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("KILL").path
        let killSwitch = KillSwitch(filePath: path)
        #expect(!killSwitch.isEngaged(environment: [:]))
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(killSwitch.isEngaged(environment: [:]))
        try FileManager.default.removeItem(atPath: path)
        #expect(!killSwitch.isEngaged(environment: [:]))
    }

    @Test(arguments: [("1", true), ("true", true), ("yes", true), ("0", false), ("false", false), ("", false)])
    func theEnvironmentFlagEngagesTheSwitch(value: String, engaged: Bool) {
        #expect(KillSwitch(filePath: nil).isEngaged(environment: ["TRADER_KILL_SWITCH": value]) == engaged)
    }

    @Test func aPathThatCannotBeCheckedFailsClosed() {
        // A path through a regular file: stat fails with ENOTDIR, not ENOENT.
        #expect(KillSwitch(filePath: "/etc/hostname/KILL").isEngaged(environment: [:]))
    }

    @Test func anAdaptersReportedCallsFeedTheHealthWindow() {
        var window = VenueHealthWindow(length: .seconds(300))
        for outcome in [VenueCallOutcome.answered, .failed, .rateLimited, .answered] { window.record(call: outcome, at: RiskScenario.start) }
        #expect(window.health(at: RiskScenario.start.advanced(by: .seconds(1))) == VenueHealth(requests: 4, failures: 2, rateLimitHits: 1))
    }
}
