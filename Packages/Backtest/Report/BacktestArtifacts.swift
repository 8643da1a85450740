import Analytics
import CostModel
import Foundation
import TraderCore

/// A backtest's `--out` folder read back for a report: its round trips (trades.json), equity curve
/// (equity.csv), fills (orders.json), decisions and annualization (metrics.json). Only a complete
/// folder is read (metrics.json, written last, marks one); anything that is not what a backtest
/// writes is an error naming the file, line and field.
public struct BacktestArtifacts: Sendable {
    /// The folder.
    public let folder: String
    /// The round trips, in closing order.
    public let roundTrips: [RoundTrip]
    /// The equity curve: the opening point (metrics.json's `start` and `starting_equity`, before
    /// any bar closed, flat), then the equity after each bar time (equity.csv).
    public let equity: [EquityPoint]
    /// Every fill, order by order.
    public let fills: [Fill]
    /// Decisions by reason code, over the run.
    public let decisions: [String: Int]
    /// Cycles without a signal, over the run.
    public let cyclesWithoutSignal: Int
    /// The run's annualization.
    public let periodsPerYear: Double
    /// See ``periodsPerYear``.
    public let riskFreeRate: Double

    /// Reads `folder`.
    ///
    /// - Throws: ``DataError`` `io` for a folder without a complete run or a file that cannot be
    ///   read, `invalid_artifact` for content a backtest does not write.
    public init(folder: String) throws(DataError) {
        self.folder = folder
        let metricsPath = folder + "/metrics.json"
        guard FileManager.default.fileExists(atPath: metricsPath) else {
            throw DataError(.io, file: folder, "not a backtest's --out folder: it has no metrics.json (a complete run writes it last)")
        }
        let metrics = try Self.object(Self.text(metricsPath), file: metricsPath, line: 0)
        let performance = metrics["metrics"] as? [String: Any]
        let annualization = performance?["annualization"] as? [String: Any]
        guard let decisions = metrics["decisions"] as? [String: Int], let cycles = metrics["cycles_without_signal"] as? Int,
            let periods = annualization?["periods_per_year"] as? Double, let riskFree = annualization?["risk_free_rate"] as? Double
        else {
            throw DataError(.invalidArtifact, file: metricsPath, "expected decisions, cycles_without_signal and metrics.annualization")
        }
        self.decisions = decisions
        cyclesWithoutSignal = cycles
        periodsPerYear = periods
        riskFreeRate = riskFree
        roundTrips = try Self.jsonLines(folder + "/trades.json", Self.roundTrip)
        fills = try Self.jsonLines(folder + "/orders.json", Self.fills).flatMap { $0 }
        var curve = try Self.equity(folder + "/equity.csv")
        if let startText = performance?["start"] as? String, let start = ISO8601Format.parse(startText),
            let startingText = performance?["starting_equity"] as? String, let starting = FixedPoint(startingText),
            start < curve.first?.time ?? start
        {
            curve.insert(EquityPoint(time: start, equity: starting, exposed: false), at: 0)
        }
        equity = curve
    }

    // MARK: - Files

    private static func text(_ path: String) throws(DataError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DataError(.io, file: path, "cannot read: \(error.localizedDescription)")
        }
    }

    private static func object(_ text: some StringProtocol, file: String, line: Int) throws(DataError) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw DataError(.invalidArtifact, file: file, line: line, "not a JSON object")
        }
        return object
    }

    /// The objects of a JSON array written one per line (as the run writes them), each read by `read`.
    private static func jsonLines<T>(_ path: String, _ read: ([String: Any], Field) throws(DataError) -> T) throws(DataError) -> [T] {
        var values: [T] = []
        var number = 0
        for line in try text(path).split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard line != "[", line != "]", !line.isEmpty else { continue }
            let body = line.hasSuffix(",") ? line.dropLast() : line[...]
            values.append(try read(try object(body, file: path, line: number), Field(file: path, line: number)))
        }
        return values
    }

    /// Where a field is read from, to name it when it is wrong.
    private struct Field {
        let file: String
        let line: Int

        func fail(_ key: String, _ value: Any?) -> DataError {
            DataError(.invalidArtifact, file: file, line: line, "\(key) \(value.map { "\"\($0)\"" } ?? "is missing") is not what a backtest writes")
        }

        func decimal(_ object: [String: Any], _ key: String) throws(DataError) -> FixedPoint {
            guard let text = object[key] as? String, let value = FixedPoint(text) else { throw fail(key, object[key]) }
            return value
        }

        func time(_ object: [String: Any], _ key: String) throws(DataError) -> Timestamp {
            guard let text = object[key] as? String, let value = ISO8601Format.parse(text) else { throw fail(key, object[key]) }
            return value
        }

        func integer(_ object: [String: Any], _ key: String) throws(DataError) -> Int {
            guard let value = object[key] as? Int else { throw fail(key, object[key]) }
            return value
        }

        func string(_ object: [String: Any], _ key: String) throws(DataError) -> String {
            guard let value = object[key] as? String else { throw fail(key, object[key]) }
            return value
        }
    }

    /// A trades.json line: its attribution read back exactly (the exit slippage is what the gross
    /// leaves, and must equal the one written).
    private static func roundTrip(_ object: [String: Any], _ field: Field) throws(DataError) -> RoundTrip {
        let symbolText = try field.string(object, "symbol")
        guard let symbol = Symbol(canonical: symbolText) else { throw field.fail("symbol", symbolText) }
        guard let side = OrderSide(rawValue: try field.string(object, "side")) else { throw field.fail("side", object["side"]) }
        let regime = (object["regime"] as? String).flatMap(Regime.init(rawValue:))
        let (net, fees) = (try field.decimal(object, "net_pnl"), try field.decimal(object, "fees"))
        let exitSlippage = try field.decimal(object, "exit_slippage")
        guard let gross = try? net.adding(fees),
            let attribution = try? RoundTripAttribution(
                gross: gross, edge: try field.decimal(object, "edge"), entrySlippage: try field.decimal(object, "entry_slippage"), fees: fees),
            attribution.exitSlippage == exitSlippage
        else { throw field.fail("exit_slippage", object["exit_slippage"]) }
        return RoundTrip(
            symbol: symbol, side: side, signal: try field.string(object, "signal"), regime: regime, tier: object["tier"] as? String,
            quantity: Quantity(try field.decimal(object, "quantity")), entryTime: try field.time(object, "entry_time"),
            exitTime: try field.time(object, "exit_time"), entryPrice: Price(try field.decimal(object, "entry_price")),
            exitPrice: Price(try field.decimal(object, "exit_price")), entryMid: Price(try field.decimal(object, "entry_mid")),
            exitMid: Price(try field.decimal(object, "exit_mid")), fees: fees, makerFills: try field.integer(object, "maker_fills"),
            fills: try field.integer(object, "fills"), attribution: attribution)
    }

    /// An orders.json line's fills (fees in the symbol's quote currency).
    private static func fills(_ object: [String: Any], _ field: Field) throws(DataError) -> [Fill] {
        let symbolText = try field.string(object, "symbol")
        guard let symbol = Symbol(canonical: symbolText) else { throw field.fail("symbol", symbolText) }
        guard let fills = object["fills"] as? [[String: Any]] else { throw field.fail("fills", object["fills"]) }
        var read: [Fill] = []
        for fill in fills {
            guard let liquidity = Fill.Liquidity(rawValue: try field.string(fill, "liquidity")) else { throw field.fail("liquidity", fill["liquidity"]) }
            read.append(
                Fill(
                    tradeID: TradeID(try field.string(fill, "trade_id")), price: Price(try field.decimal(fill, "price")),
                    quantity: Quantity(try field.decimal(fill, "quantity")), fee: Money(try field.decimal(fill, "fee"), Currency(code: symbol.quote)),
                    liquidity: liquidity, time: try field.time(fill, "time")))
        }
        return read
    }

    /// equity.csv: `time,equity,cash,exposed`.
    private static func equity(_ path: String) throws(DataError) -> [EquityPoint] {
        var points: [EquityPoint] = []
        var number = 0
        for line in try text(path).split(separator: "\n") {
            number += 1
            if number == 1 {
                guard line == "time,equity,cash,exposed" else { throw DataError(.badHeader, file: path, line: 1, column: 1, "expected time,equity,cash,exposed") }
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 4 else { throw DataError(.malformedRow, file: path, line: number, "expected 4 fields, found \(fields.count)") }
            guard let time = ISO8601Format.parse(String(fields[0])) else {
                throw DataError(.invalidArtifact, file: path, line: number, column: 1, "time \"\(fields[0])\" is not an ISO 8601 instant")
            }
            guard let equity = FixedPoint(String(fields[1])) else {
                throw DataError(.invalidNumber, file: path, line: number, column: fields[0].count + 2, "equity \"\(fields[1])\" is not a decimal")
            }
            guard fields[3] == "0" || fields[3] == "1" else {
                throw DataError(.invalidArtifact, file: path, line: number, column: line.count - fields[3].count + 1, "exposed \"\(fields[3])\" is not 0 or 1")
            }
            points.append(EquityPoint(time: time, equity: equity, exposed: fields[3] == "1"))
        }
        return points
    }
}
