import RiskKit
import Testing
import TraderCore
import TraderTestKit

/// Random portfolios, pending orders, histories, limits and proposal sets: whatever the risk layer
/// approves never breaches a cap, a pacing limit, a cooldown or a loss stop, and never sizes a
/// proposal up. 600 seeded cases; a failure names its seed so it can be replayed.
@Suite struct RiskPropertyTests {
    typealias S = RiskScenario
    static let symbols = [S.btc, S.eth, S.sol, S.doge]

    struct Case {
        var scenario = RiskScenario()
        var proposals: [TradeProposal] = []
    }

    static func randomCase(seed: UInt64) -> Case {
        var random = SeededGenerator(seed: seed)
        var test = Case()
        var limits = RiskScenario.standardLimits
        limits.exposure.maxAssetPct = FixedPoint(Int.random(in: 5...40, using: &random))
        limits.exposure.maxThemePct = FixedPoint(Int.random(in: 10...60, using: &random))
        limits.exposure.maxTotalPct = FixedPoint(Int.random(in: 20...90, using: &random))
        limits.exposure.maxOpenPositions = Int.random(in: 1...4, using: &random)
        limits.pacing.maxTradesPerHour = Int.random(in: 1...8, using: &random)
        limits.pacing.maxTradesPerDay = Int.random(in: 1...12, using: &random)
        limits.pacing.minTimeBetweenTrades = .seconds(Int.random(in: 0...1, using: &random) * 120)
        limits.sizing.maxSizePct = FixedPoint(Int.random(in: 1...15, using: &random))
        test.scenario.limits = limits
        for symbol in symbols where Bool.random(using: &random) {
            let value = Int.random(in: 1...25_000, using: &random)  // USD held
            let price = Double(S.prices[symbol]!)!
            test.scenario.hold(String(format: "%.4f", Double(value) / price), of: symbol)
        }
        for symbol in symbols where Int.random(in: 0..<4, using: &random) == 0 {
            let price = Double(S.prices[symbol]!)!
            test.scenario.working(.buy, String(format: "%.4f", Double(Int.random(in: 1...5_000, using: &random)) / price), of: symbol)
        }
        for symbol in symbols where Int.random(in: 0..<5, using: &random) == 0 {
            test.scenario.context.unreflectedBuys[symbol] = FixedPoint(Int.random(in: 1...3_000, using: &random))
        }
        for _ in 0..<Int.random(in: 0...10, using: &random) {
            test.scenario.state.recordTrade(at: S.start.advanced(by: .seconds(-Int64.random(in: 1...30_000, using: &random))))
        }
        for symbol in symbols where Int.random(in: 0..<4, using: &random) == 0 {
            let closed = S.start.advanced(by: .seconds(-Int64.random(in: 0...10_000, using: &random)))
            test.scenario.state.recordRoundTrip(
                symbol: symbol, realizedPnL: FixedPoint(Int.random(in: -1_500...500, using: &random)), closedAt: closed,
                pacing: limits.pacing)
        }
        test.scenario.state.observe(nav: 100_000, at: S.start, calendar: .utc)
        for _ in 0..<Int.random(in: 1...10, using: &random) {
            let symbol = symbols.randomElement(using: &random)!
            test.proposals.append(
                Int.random(in: 0..<4, using: &random) == 0
                    ? sell(symbol) : buy(symbol, pct: Double(Int.random(in: 1...1_000, using: &random)) / 100))
        }
        return test
    }

    @Test(arguments: 0..<6)
    func approvalsNeverBreachALimit(batch: Int) throws {
        for seed in UInt64(batch * 100)..<UInt64(batch * 100 + 100) {
            let test = Self.randomCase(seed: seed)
            try check(test, seed: seed)
        }
    }

    private func check(_ test: Case, seed: UInt64) throws {
        let scenario = test.scenario
        let limits = scenario.limits
        let evaluation = scenario.evaluate(test.proposals)
        let context = scenario.context
        #expect(evaluation.approved.count + evaluation.rejected.count == test.proposals.count, "seed \(seed)")

        let entries = evaluation.approved.filter { !$0.isExit }
        guard let nav = evaluation.nav else {
            #expect(entries.isEmpty, "seed \(seed): entries without a NAV")
            return
        }
        var exposure = try scenario.portfolio.exposure(marks: context.marks, themeOf: { context.themes[$0] })
        for (symbol, notional) in context.unreflectedBuys {
            try exposure.add(notional, symbol: symbol, theme: context.themes[symbol], pending: true)
        }
        let before = exposure
        for trade in entries {
            let symbol = trade.proposal.symbol
            try exposure.add(trade.notional, symbol: symbol, theme: context.themes[symbol], pending: true)
            let planned = try nav.multiplied(by: FixedPoint(nearest: trade.proposal.sizePct)!, dividedBy: 100, rounding: .down)
            #expect(trade.notional <= planned, "seed \(seed): sized up")
            #expect(try trade.referencePrice.notional(of: trade.quantity, rounding: .down) == trade.notional, "seed \(seed)")
        }
        func cap(_ pct: FixedPoint) throws -> FixedPoint { try nav.multiplied(by: pct, dividedBy: 100, rounding: .down) }
        for asset in Set(entries.map(\.proposal.symbol.base)) {
            #expect(exposure.byAsset[asset]! <= (try cap(limits.exposure.capPct(asset: asset))), "seed \(seed): asset \(asset)")
        }
        for theme in Set(entries.compactMap { context.themes[$0.proposal.symbol] }) {
            #expect(exposure.byTheme[theme]! <= (try cap(limits.exposure.capPct(theme: theme))), "seed \(seed): theme \(theme)")
        }
        if !entries.isEmpty { #expect(exposure.total <= (try cap(limits.exposure.maxTotalPct)), "seed \(seed): total") }
        #expect(exposure.total >= before.total)

        let hourAgo = context.now.advanced(by: .seconds(-3600))
        let tradesInHour = scenario.state.tradeTimes.filter { $0 > hourAgo }.count
        #expect(tradesInHour + evaluation.approved.count <= Swift.max(limits.pacing.maxTradesPerHour, tradesInHour), "seed \(seed)")
        let today = limits.losses.timeZone.day(of: context.now)
        let tradesToday = scenario.state.tradeTimes.filter { limits.losses.timeZone.day(of: $0) == today }.count
        #expect(tradesToday + evaluation.approved.count <= Swift.max(limits.pacing.maxTradesPerDay, tradesToday), "seed \(seed)")
        if limits.pacing.minTimeBetweenTrades > .zero {
            #expect(entries.count <= 1, "seed \(seed): two entries inside the spacing")
            if let last = scenario.state.tradeTimes.last, last.duration(to: context.now) < limits.pacing.minTimeBetweenTrades {
                #expect(entries.isEmpty, "seed \(seed): entry inside the spacing")
            }
        }
        for trade in entries {
            if let until = scenario.state.cooldowns[trade.proposal.symbol] {
                #expect(until <= context.now, "seed \(seed): entry during a cooldown")
            }
        }
        let dayLoss = scenario.state.realized.filter { limits.losses.timeZone.day(of: $0.time) == today }
            .reduce(Int64(0)) { $0 - $1.amount.raw }
        if try dayLoss > 0 && dayLoss >= cap(limits.losses.maxDailyLossPct).raw {
            #expect(entries.isEmpty, "seed \(seed): entry past the daily loss stop")
        }
        var open = Set(scenario.portfolio.positions.filter { !$0.value.isFlat }.map(\.symbol))
        open.formUnion(scenario.portfolio.workingOrders.values.filter { $0.side == .buy }.map(\.symbol))
        open.formUnion(context.unreflectedBuys.keys)
        let opened = Set(entries.map(\.proposal.symbol)).subtracting(open)
        #expect(opened.isEmpty || open.count + opened.count <= limits.exposure.maxOpenPositions, "seed \(seed): positions")
        for trade in evaluation.approved where trade.isExit {
            let held = scenario.portfolio.positions[trade.proposal.symbol]?.quantity ?? .zero
            #expect(trade.quantity <= held, "seed \(seed): sold more than held")
        }
    }
}
