import Testing
import TradingEngine
import TraderCore

/// Which symbols the engine may enter: tiers, exclusions, red-flag bans that run out, discovery.
@Suite struct UniverseTests {
    private static let btc = EngineHarness.btc
    private static let eth = Symbol(base: "ETH", quote: "USD")
    private static let sol = Symbol(base: "SOL", quote: "USD")
    private static let doge = Symbol(base: "DOGE", quote: "USD")
    private static let usdc = Symbol(base: "USDC", quote: "USD")
    private static let start = Timestamp(secondsSinceEpoch: 1_700_000_000)
    private let market = ExecutionPolicy(style: .market, strategyID: "t")
    private let postOnly = ExecutionPolicy(style: .postOnlyLimit(improvementTicks: 0), strategyID: "t")

    private static func tiers(_ symbols: [Symbol]) -> [UniverseConfiguration.Tier] {
        [.init(name: "core", maxAllocationPct: 50, maxPositionPct: 25, symbols: symbols)]
    }

    @Test func anEntryIsBarredForAnExcludedARedFlaggedOrAnUntieredSymbol() {
        let flag = RedFlag(symbol: Self.eth, kind: "recent_exploit", raisedAt: Self.start, banHours: 168)
        let universe = UniverseManager(
            configuration: UniverseConfiguration(tiers: Self.tiers([Self.btc, Self.eth, Self.usdc]), exclusions: [Self.usdc], redFlags: [flag]))
        #expect(universe.bar(Self.btc, at: Self.start) == nil)
        #expect(universe.bar(Self.usdc, at: Self.start)?.code == "symbol_excluded")
        #expect(universe.bar(Self.eth, at: Self.start)?.code == "red_flag_ban")
        #expect(
            universe.bar(Self.eth, at: Self.start)?.detail
                == "ETH-USD has a recent_exploit red flag raised 2023-11-14T22:13:20Z; no entries until 2023-11-21T22:13:20Z")
        #expect(universe.bar(Self.sol, at: Self.start)?.code == "not_in_universe")
        #expect(universe.tier(of: Self.btc) == "core")
        #expect(universe.tier(of: Self.sol) == nil)
    }

    @Test func aRedFlagBansForItsHoursAndThenExpires() {
        let flag = RedFlag(symbol: Self.btc, kind: "delisting_rumors", raisedAt: Self.start, banHours: 72)
        var universe = UniverseManager(configuration: UniverseConfiguration(tiers: Self.tiers([Self.btc]), redFlags: [flag]))
        let lastBannedSecond = Self.start.advanced(bySeconds: 72 * 3600 - 1)
        let end = Self.start.advanced(bySeconds: 72 * 3600)
        #expect(universe.bar(Self.btc, at: Self.start.advanced(bySeconds: -1)) == nil)
        #expect(universe.bar(Self.btc, at: lastBannedSecond)?.code == "red_flag_ban")
        #expect(universe.bar(Self.btc, at: end) == nil)
        universe.expireFlags(at: lastBannedSecond)
        #expect(universe.redFlags == [flag])
        universe.expireFlags(at: end)
        #expect(universe.redFlags.isEmpty)
    }

    @Test func discoveryAdmitsTheLargestListingsThatPassEveryFilterIntoItsTier() {
        let discovery = UniverseConfiguration.Discovery(
            quoteCurrencies: ["USD"], min24hVolume: 1_000_000, minListingAge: .seconds(90 * 86_400), maxSpreadBps: 20, maxSymbols: 2,
            tier: "speculative")
        let tiers = Self.tiers([Self.btc]) + [.init(name: "speculative", maxAllocationPct: 10, maxPositionPct: 3, symbols: [])]
        var universe = UniverseManager(
            configuration: UniverseConfiguration(tiers: tiers, exclusions: [Self.usdc], discovery: discovery))
        let old = Self.start.advanced(bySeconds: -100 * 86_400)
        let ada = Symbol(base: "ADA", quote: "USD")
        let new = Symbol(base: "NEW", quote: "USD")
        let eur = Symbol(base: "XRP", quote: "EUR")
        let wide = Symbol(base: "WIDE", quote: "USD")
        let listings = [
            ProductListing(symbol: Self.btc, volume24h: 9_000_000, listedAt: old),  // tiered already
            ProductListing(symbol: Self.usdc, volume24h: 9_000_000, listedAt: old),  // excluded
            ProductListing(symbol: Self.sol, volume24h: 3_000_000, listedAt: old),
            ProductListing(symbol: Self.doge, volume24h: 5_000_000, listedAt: old),
            ProductListing(symbol: ada, volume24h: 2_000_000, listedAt: old),  // passes, but third by volume
            ProductListing(symbol: Self.eth, volume24h: 999_999, listedAt: old),  // too little volume
            ProductListing(symbol: new, volume24h: 9_000_000, listedAt: Self.start.advanced(bySeconds: -89 * 86_400)),  // too young
            ProductListing(symbol: eur, volume24h: 9_000_000, listedAt: old),  // not a USD pair
            ProductListing(symbol: wide, volume24h: 9_000_000, listedAt: old),  // spread just over 20 bps
        ]
        var quotes: SymbolMap<Quote> = [:]
        var rules: [Symbol: ProductRules] = [:]
        for listing in listings {
            let ask = listing.symbol == wide ? "100.2003" : "100.2002"  // 20 bps of the mid exactly passes
            quotes[listing.symbol] = Quote(
                symbol: listing.symbol, bid: Price("100")!, ask: Price(ask)!, bidSize: Quantity("1")!, askSize: Quantity("1")!, time: Self.start)
            rules[listing.symbol] = ProductRules(
                symbol: listing.symbol, baseIncrement: Quantity("0.01")!, priceIncrement: Price("0.01")!, minSize: Quantity("0.01")!,
                maxSize: Quantity("1000")!, minNotional: .zero, status: .online)
        }
        universe.discover(from: listings, quotes: quotes, rules: rules, at: Self.start)
        #expect(universe.discovered == [Self.doge, Self.sol])
        #expect(universe.tier(of: Self.doge) == "speculative")
        #expect(universe.tierMap[Self.sol] == .init(name: "speculative", maxAllocationPct: 10, maxPositionPct: 3))
        #expect(universe.bar(Self.doge, at: Self.start) == nil)
        #expect(universe.bar(ada, at: Self.start)?.code == "not_in_universe")

        // Without a quote there is no spread to check, so no admission; without rules, no trade.
        quotes[Self.doge] = nil
        rules[Self.sol] = nil
        universe.discover(from: listings, quotes: quotes, rules: rules, at: Self.start)
        #expect(universe.discovered == [ada])
    }

    @Test func theEngineBarsAnEntryInARedFlaggedSymbolBeforeRisk() throws {
        let flag = RedFlag(symbol: Self.btc, kind: "regulatory_action", raisedAt: Timestamp(secondsSinceEpoch: 0), banHours: 720)
        var harness = try EngineHarness(execution: market, universe: UniverseConfiguration(tiers: Self.tiers([Self.btc]), redFlags: [flag]))
        var outcomes: [CycleOutcome] = []
        for _ in 0..<6 { outcomes.append(harness.step()) }
        let crossing = outcomes[5]
        #expect(crossing.proposals.map(\.symbol) == [Self.btc])
        #expect(crossing.universeRejections.map(\.bar.code) == ["red_flag_ban"])
        #expect(crossing.risk == nil)
        #expect(crossing.intents.isEmpty)
        #expect(crossing.noTradeReason == .allProposalsRejected)
        #expect(outcomes.allSatisfy { $0.intents.isEmpty })
    }

    @Test func anEntryInAnUntieredSymbolIsBarredWhenTheUniverseIsTiered() throws {
        var harness = try EngineHarness(execution: market, universe: UniverseConfiguration(tiers: Self.tiers([Self.eth])))
        for _ in 0..<5 { _ = harness.step() }
        let crossing = harness.step()
        #expect(crossing.universeRejections.map(\.bar.code) == ["not_in_universe"])
        #expect(crossing.intents.isEmpty)
    }

    @Test func raisingARedFlagCancelsTheWorkingEntriesInItsSymbolWithoutRequotingThem() throws {
        var harness = try EngineHarness(execution: postOnly, universe: UniverseConfiguration(tiers: Self.tiers([Self.btc])))
        let order = try harness.placeAndSubmit()
        harness.engine.raiseRedFlag(RedFlag(symbol: Self.btc, kind: "recent_exploit", raisedAt: EngineHarness.close(ofBar: 4), banHours: 168))
        #expect(EngineHarness.summary(harness.step()) == ["cancel t-BTC-USD-BUY-1 red_flag_ban"])
        #expect(harness.engine.orders[order.clientOrderID]?.status == .pendingCancel)
        try harness.engine.apply(.cancel, to: order.clientOrderID, at: EngineHarness.close(ofBar: 5))
        let after = harness.step()
        #expect(after.intents.isEmpty)
        #expect(after.droppedRequotes.isEmpty)
        #expect(harness.engine.portfolio.workingOrders.isEmpty)
    }
}
