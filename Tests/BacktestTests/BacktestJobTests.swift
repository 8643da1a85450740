import Backtest
import Testing
import TraderCore
import TraderTestKit

/// The job `trader-backtest run` runs, run from the library as trader-live and trader-report will:
/// the same replay, its progress, and the summary.
@Suite struct BacktestJobTests {
    private static let btc = Symbol(base: "BTC", quote: "USD")

    private func job(out: String? = nil) throws -> BacktestJob {
        let setup = BacktestSetup(
            engine: EMACrossoverPreset.configuration(symbol: Self.btc, quantity: Quantity("0.01")!), fillModel: EMACrossoverPreset.fillModel,
            tiers: [:], effectiveConfig: Array("{}".utf8), configHash: "sha256:test")
        return BacktestJob(
            setup: setup, sources: [.init(symbol: Self.btc, path: try SharedData.path("data/ftx_btcperp_1m.csv"))], cash: FixedPoint(100_000),
            out: out)
    }

    @Test func theJobReplaysEveryBarAndReportsItsProgress() throws {
        var reports: [Int] = []
        let outcome = try job().run { _, bars in reports.append(bars) }
        #expect(outcome.result.bars == 45_031)
        #expect(reports == [16_384, 32_768])
        #expect(outcome.symbols == [Self.btc])
        #expect(outcome.interval == .oneMinute)
        #expect(outcome.configHash == "sha256:test")
    }

    @Test func theSummaryNamesTheRunInTextAndJSON() throws {
        let outcome = try job().run()
        let summary = BacktestSummary(outcome: outcome, setupName: "ema-crossover", out: nil)
        let text = summary.rendered(as: .text)
        #expect(text.hasPrefix("strategy         ema-crossover\nsymbols          BTC-USD (1m bars)\n"))
        #expect(text.contains("bars             45031\n"))
        #expect(summary.rendered(as: .json).contains(#""config_hash" : "sha256:test""#))
    }
}
