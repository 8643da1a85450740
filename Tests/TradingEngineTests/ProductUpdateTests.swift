import Testing
import TradingEngine
import TraderCore

/// Product rules change while the engine runs (a product halted to cancel-only, a new tick):
/// a snapshot carries the change, and the engine trades by it from that cycle on.
@Suite struct ProductUpdateTests {
    private let market = ExecutionPolicy(style: .market, strategyID: "t")

    private func rules(_ status: ProductRules.Status, tick: String = "0.01") -> ProductRules {
        ProductRules(
            symbol: EngineHarness.btc, baseIncrement: Quantity("0.00000001")!, priceIncrement: Price(tick)!,
            minSize: Quantity("0.00000001")!, maxSize: Quantity("1000")!, minNotional: .zero, status: status)
    }

    /// The bar on which the harness's engine places its first order, with rules unchanged.
    private func firstOrderBar() throws -> Int {
        var harness = try EngineHarness(execution: market)
        for bar in 0..<10 where !harness.step().intents.isEmpty { return bar }
        throw EngineHarness.HarnessError.noOrder
    }

    @Test func aProductTheVenueMadeCancelOnlyIsRefusedByRiskFromThatCycle() throws {
        let crossingBar = try firstOrderBar()
        var halted = try EngineHarness(execution: market)
        for _ in 0..<crossingBar { _ = halted.step() }
        halted.productUpdates = [rules(.cancelOnly)]
        let crossing = halted.step()
        #expect(crossing.intents.isEmpty)
        #expect(crossing.noTradeReason == .allProposalsRejected)
        #expect(crossing.risk?.rejected.map(\.code.rawValue) == ["exchange_status_halt"])  // risk reads the rules as updated
        #expect(halted.engine.products[EngineHarness.btc]?.status == .cancelOnly)
    }

    @Test func theEngineKeepsTheLatestRulesAndStartsFromTheConfigurations() throws {
        var harness = try EngineHarness(execution: market)
        #expect(harness.engine.products[EngineHarness.btc]?.priceIncrement == Price("0.01")!)
        harness.productUpdates = [rules(.online, tick: "0.5")]
        _ = harness.step()
        #expect(harness.engine.products[EngineHarness.btc]?.priceIncrement == Price("0.5")!)
        _ = harness.step()  // a snapshot without updates changes nothing
        #expect(harness.engine.products[EngineHarness.btc]?.priceIncrement == Price("0.5")!)
        #expect(harness.engine.configuration.products[EngineHarness.btc]?.priceIncrement == Price("0.01")!)
    }
}
