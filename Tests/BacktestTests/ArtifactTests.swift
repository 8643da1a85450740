import Backtest
import Foundation
import Testing
import TradingEngine
import TraderCore
import TraderTestKit

/// The artifacts of a run: their content, and that the same inputs write the same bytes.
@Suite struct ArtifactTests {
    static let symbol = Symbol(base: "BTC", quote: "USD")
    static let files = ["orders.json", "trades.json", "equity.csv", "exposure.csv", "metrics.json", "config.json", "config.sha256"]

    /// Runs the preset over the FTX file's first `bars` bars into a new temporary folder.
    static func run(bars: Int) throws -> (folder: URL, result: BacktestResult) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trader-artifacts-tests-\(UUID().uuidString)")
        let engine = try TradingEngine(
            configuration: EMACrossoverPreset.configuration(symbol: symbol, quantity: Quantity("0.01")!),
            portfolio: Portfolio(currency: Currency(code: "USD"), cash: 100_000))
        let writer = try ArtifactWriter(
            folder: folder.path, assets: ["BTC"], effectiveConfig: Array(#"{"preset":"ema-crossover"}"#.utf8), configHash: "sha256:test")
        var runner = BacktestRunner(
            engine: engine, exchange: SimulatedExchange(model: EMACrossoverPreset.fillModel), interval: .oneMinute, recorder: writer)
        let reader = try CandleCSVReader(path: try SharedData.path("data/ftx_btcperp_1m.csv"))
        for _ in 0..<bars {
            guard let candle = try reader.next() else { break }
            try runner.replay(candle, of: symbol)
        }
        let result = try runner.finish()
        try writer.finish(result)
        return (folder, result)
    }

    @Test func anInterruptedRunLeavesThePreviousRunsFilesAsTheyWere() throws {
        let (folder, _) = try Self.run(bars: 200)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Self.files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        // A second run that starts writing and never finishes (as a killed process would not).
        let writer = try ArtifactWriter(folder: folder.path, assets: ["BTC"], effectiveConfig: Array("{}".utf8), configHash: "sha256:other")
        try writer.record(
            order: Order(clientOrderID: ClientOrderID("interrupted-1"), symbol: Self.symbol, side: .buy, kind: .market, quantity: Quantity("1")!),
            origin: nil)
        let after = try Self.files.map { try Data(contentsOf: folder.appendingPathComponent($0)) }
        #expect(after == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == (Self.files + [".partial"]).sorted())
    }

    @Test func aRecordTheWriterThreadCannotWriteFailsTheRunAndPublishesNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trader-artifacts-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = try ArtifactWriter(folder: folder.path, assets: ["BTC"])
        // A bar holding BTC without a mark for it: its exposure cannot be valued.
        var portfolio = Portfolio(currency: .usd, cash: 100_000)
        let fill = Fill(
            tradeID: TradeID("t-1"), price: Price("100")!, quantity: Quantity("1")!, fee: Money(.zero, .usd), liquidity: .taker,
            time: Timestamp(secondsSinceEpoch: 60))
        try portfolio.book(fill, symbol: Self.symbol, side: .buy)
        try writer.record(bar: BarState(time: Timestamp(secondsSinceEpoch: 60), equity: FixedPoint(100_000), exposed: true, portfolio: portfolio, marks: [:]))
        var runner = BacktestRunner(
            engine: try TradingEngine(
                configuration: EMACrossoverPreset.configuration(symbol: Self.symbol, quantity: Quantity("0.01")!),
                portfolio: Portfolio(currency: .usd, cash: 100_000)),
            exchange: SimulatedExchange(model: EMACrossoverPreset.fillModel), interval: .oneMinute)
        let result = try runner.finish()
        #expect { try writer.finish(result) } throws: { "\($0)".contains("missing_mark") }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("metrics.json").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("equity.csv").path))
    }

    static func json(_ file: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: file))
    }

    @Test func twoRunsOfTheSameInputsWriteIdenticalBytes() throws {
        let first = try Self.run(bars: 45_031)
        let second = try Self.run(bars: 45_031)
        defer {
            try? FileManager.default.removeItem(at: first.folder)
            try? FileManager.default.removeItem(at: second.folder)
        }
        for name in Self.files {
            let a = try Data(contentsOf: first.folder.appendingPathComponent(name))
            let b = try Data(contentsOf: second.folder.appendingPathComponent(name))
            #expect(!a.isEmpty, "\(name) is empty")
            #expect(a == b, "\(name) differs between two runs")
        }
    }

    @Test func theArtifactsHoldEveryOrderTradeAndBar() throws {
        let (folder, result) = try Self.run(bars: 200)
        defer { try? FileManager.default.removeItem(at: folder) }
        let orders = try #require(try Self.json(folder.appendingPathComponent("orders.json")) as? [[String: Any]])
        let trades = try #require(try Self.json(folder.appendingPathComponent("trades.json")) as? [[String: Any]])
        #expect(orders.count == result.orders)
        #expect(trades.count == result.roundTrips)
        let first = orders[0]
        #expect(first["client_order_id"] as? String == "ema-BTC-USD-BUY-1")
        #expect(first["signal"] as? String == "ema_cross")
        #expect(first["status"] as? String == "filled")
        let history = try #require(first["history"] as? [[String: Any]])
        #expect(history.map { $0["to"] as? String } == ["submitted", "open", "filled"])
        #expect(history.map { $0["event"] as? String } == ["submit", "accept", "fill"])
        let trade = trades[0]
        func amount(_ key: String) throws -> FixedPoint {
            try #require((trade[key] as? String).flatMap { FixedPoint($0) }, "\(key) is not a decimal string")
        }
        let (net, edge, entry, exit, fees) = try (
            amount("net_pnl"), amount("edge"), amount("entry_slippage"), amount("exit_slippage"), amount("fees")
        )
        #expect(try edge.adding(entry).adding(exit).subtracting(fees) == net)

        let equity = try String(contentsOf: folder.appendingPathComponent("equity.csv"), encoding: .utf8).split(separator: "\n")
        #expect(equity.first == "time,equity,cash,exposed")
        #expect(equity.count == 1 + 200)
        #expect(equity.last?.hasPrefix("\(result.end!),\(result.finalEquity),") == true)
        let exposure = try String(contentsOf: folder.appendingPathComponent("exposure.csv"), encoding: .utf8).split(separator: "\n")
        #expect(exposure.first == "time,nav,total_pct,pending_pct,BTC_pct")
        #expect(exposure.count == 1 + 200)

        let metrics = try #require(try Self.json(folder.appendingPathComponent("metrics.json")) as? [String: Any])
        #expect(metrics["config_hash"] as? String == "sha256:test")
        #expect(metrics["bars"] as? Int == 200)
        #expect(metrics["final_equity"] as? String == result.finalEquity.description)
        #expect((metrics["violations"] as? [Any])?.isEmpty == true)
        let performance = try #require(metrics["metrics"] as? [String: Any])
        #expect(performance["points"] as? Int == 201)
        #expect((performance["trades"] as? [String: Any])?["trades"] as? Int == result.roundTrips)
    }
}
