import Backtest
import RiskKit
import Testing
import TraderCore

@Suite struct ExposureMonitorTests {
    static let btc = Symbol(base: "BTC", quote: "USD")

    /// 1 BTC bought at 100 from 1,000 cash: at a mark of 100, BTC is 10 % of a 1,000 NAV.
    static func portfolio() throws -> Portfolio {
        var portfolio = Portfolio(currency: Currency(code: "USD"), cash: 1_000)
        var order = Order(clientOrderID: ClientOrderID("b"), symbol: btc, side: .buy, kind: .market, quantity: Quantity(1))
        try order.apply(.submit, at: Timestamp(secondsSinceEpoch: 0))
        try portfolio.track(order)
        let fill = Fill(
            tradeID: TradeID("1"), price: Price(100), quantity: Quantity(1), fee: Money(0, Currency(code: "USD")), liquidity: .taker,
            time: Timestamp(secondsSinceEpoch: 0))
        try order.apply(.fill(fill), at: fill.time)
        try portfolio.book(fill, of: order.clientOrderID)
        try portfolio.track(order)  // filled: no longer pending
        return portfolio
    }

    static func monitor(assetCap: FixedPoint) -> ExposureMonitor {
        ExposureMonitor(
            limits: ExposureLimits(maxAssetPct: assetCap, maxThemePct: 100, maxTotalPct: 100, maxOpenPositions: 10), themes: ThemeMap())
    }

    /// What `monitor` finds, in words, after an entry in BTC at 00:01 with the portfolio's BTC marked at `marks`.
    static func violationsAfterEnteringBTC(
        _ monitor: ExposureMonitor, marks: SymbolMap<Price> = [btc: Price(100)]
    ) throws -> [String] {
        try monitor.violations(of: portfolio(), marks: marks, entered: [btc], at: Timestamp(secondsSinceEpoch: 60))
            .map(\.description)
    }

    @Test func exposureExactlyAtTheCapHolds() throws {
        #expect(try Self.violationsAfterEnteringBTC(Self.monitor(assetCap: 10)).isEmpty)
    }

    @Test func exposureAboveTheCapAfterAnEntryIsAViolation() throws {
        #expect(
            try Self.violationsAfterEnteringBTC(Self.monitor(assetCap: FixedPoint("9.99")!)) == [
                "1970-01-01T00:01:00Z: asset BTC exposure 10% of NAV is above its cap of 9.99%"
            ])
    }

    @Test func capsAnEntryDidNotAnswerToAreNotChecked() throws {
        let violations = Self.monitor(assetCap: 5).violations(
            of: try Self.portfolio(), marks: [Self.btc: Price(100)], entered: [Symbol(base: "ETH", quote: "USD")],
            at: Timestamp(secondsSinceEpoch: 60))
        #expect(violations.isEmpty)
    }

    @Test func aTierPositionAndATierAllocationAboveTheirCapsAreViolations() throws {
        let tiers = TierMap(
            tiers: [.init(name: "core", maxAllocationPct: FixedPoint("9.5")!, maxPositionPct: 9)], tierOf: [Self.btc: "core"])
        let monitor = ExposureMonitor(
            limits: ExposureLimits(maxAssetPct: 100, maxThemePct: 100, maxTotalPct: 100, maxOpenPositions: 10), themes: ThemeMap(),
            tiers: tiers)
        #expect(
            try Self.violationsAfterEnteringBTC(monitor) == [
                "1970-01-01T00:01:00Z: tier core position BTC-USD exposure 10% of NAV is above its cap of 9%",
                "1970-01-01T00:01:00Z: tier core exposure 10% of NAV is above its cap of 9.5%",
            ])
    }

    @Test func aThemeAndTheTotalAboveTheirCapsAreViolations() throws {
        let monitor = ExposureMonitor(
            limits: ExposureLimits(maxAssetPct: 100, maxThemePct: 8, maxTotalPct: FixedPoint("9.99")!, maxOpenPositions: 10),
            themes: ThemeMap([Self.btc: "store_of_value"]))
        #expect(
            try Self.violationsAfterEnteringBTC(monitor) == [
                "1970-01-01T00:01:00Z: theme store_of_value exposure 10% of NAV is above its cap of 8%",
                "1970-01-01T00:01:00Z: total exposure 10% of NAV is above its cap of 9.99%",
            ])
    }

    @Test func aHeldSymbolWithoutAMarkIsOneNAVViolation() throws {
        #expect(
            try Self.violationsAfterEnteringBTC(Self.monitor(assetCap: 100), marks: [:]) == [
                "1970-01-01T00:01:00Z: nav exposure 0% of NAV is above its cap of 0%"
            ])
    }
}
