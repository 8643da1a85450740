import Analytics
import TraderCore

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The summary of a run: a table for people, or one JSON object (what `trader-backtest run`
/// prints).
public struct BacktestSummary: Encodable, Sendable {
    /// How it is written.
    public enum Format: String, CaseIterable, Sendable {
        /// Aligned rows for people.
        case text
        /// One JSON object with sorted keys.
        case json
    }

    let strategy: String
    let symbols: [String]
    let interval: String
    let start: Timestamp?
    let end: Timestamp?
    let bars: Int
    let orders: Int
    let rejectedOrders: Int
    let fills: Int
    let roundTrips: Int
    let finalEquity: FixedPoint
    let feesPaid: FixedPoint
    let openLotFees: FixedPoint
    let metrics: PerformanceMetrics
    let violations: [String]
    let cyclesWithoutSignal: Int
    let decisions: [String: Int]
    let configHash: String
    let artifacts: String?

    /// The summary of `outcome`, of the setup called `setupName`, with its artifacts in `out`.
    public init(outcome: BacktestJob.Outcome, setupName: String, out: String?) {
        let result = outcome.result
        strategy = setupName
        symbols = outcome.symbols.map(\.description)
        interval = outcome.interval.description
        start = result.metrics.start
        end = result.end
        bars = result.bars
        orders = result.orders
        rejectedOrders = result.rejectedOrders
        fills = result.fills
        roundTrips = result.roundTrips
        finalEquity = result.finalEquity
        feesPaid = result.feesPaid
        openLotFees = result.openLotFees
        metrics = result.metrics
        violations = result.violations.map(\.description)
        cyclesWithoutSignal = result.decisions.cyclesWithoutSignal
        decisions = result.decisions.counts
        configHash = outcome.configHash
        artifacts = out
    }

    /// The summary as text or JSON.
    public func rendered(as format: Format) -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: try! encoder.encode(self), as: UTF8.self)  // plain values always encode
        case .text:
            return text
        }
    }

    private var text: String {
        let trades = metrics.trades
        var rows: [(String, String)] = [
            ("strategy", strategy),
            ("symbols", symbols.joined(separator: ", ") + " (\(interval) bars)"),
            ("period", "\(start.map(\.description) ?? "-") to \(end.map(\.description) ?? "-")"),
            ("bars", "\(bars)"),
            ("orders", "\(orders) (\(rejectedOrders) rejected)"),
            ("fills", "\(fills) (maker \(Self.percent(metrics.makerFillRatio)))"),
            ("round trips", "\(roundTrips) (win rate \(Self.percent(trades.winRate)))"),
            ("final equity", finalEquity.description),
            ("total return", Self.percent(metrics.totalReturn)),
            ("CAGR", Self.percent(metrics.cagr)),
            ("volatility", Self.percent(metrics.annualizedVolatility)),
            ("Sharpe", Self.number(metrics.sharpe)),
            ("Sortino", Self.number(metrics.sortino)),
            ("max drawdown", "\(Self.percent(metrics.maxDrawdown)) over \(Self.duration(metrics.maxDrawdownDurationSeconds))"),
            ("Calmar", Self.number(metrics.calmar)),
            ("profit factor", Self.number(trades.profitFactor)),
            ("expectancy", trades.expectancy?.description ?? "-"),
            ("fees paid", "\(feesPaid) (round trips \(metrics.attribution.fees), lots still open \(openLotFees))"),
            ("exposure time", Self.percent(metrics.exposureTime)),
            ("no signal", "\(cyclesWithoutSignal) cycles"),
        ]
        rows += decisions.keys.sorted().map { ("  \($0)", "\(decisions[$0]!)") }
        rows += [
            ("risk invariants", violations.isEmpty ? "held" : "\(violations.count) broken"),
            ("config", configHash),
        ]
        if let artifacts { rows.append(("artifacts", artifacts)) }
        let width = rows.map(\.0.count).max()!
        return rows.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }

    private static func percent(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.2f%%", value * 100)
    }

    private static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        return String(format: "%.2f", value)
    }

    private static func duration(_ seconds: Int64) -> String {
        seconds >= 86_400 ? String(format: "%.1f days", Double(seconds) / 86_400) : String(format: "%.1f hours", Double(seconds) / 3_600)
    }

    enum CodingKeys: String, CodingKey {
        case strategy, symbols, interval, start, end, bars, orders, fills, metrics, violations, artifacts
        case rejectedOrders = "rejected_orders", roundTrips = "round_trips", finalEquity = "final_equity"
        case feesPaid = "fees_paid", openLotFees = "open_lot_fees", configHash = "config_hash", decisions
        case cyclesWithoutSignal = "cycles_without_signal"
    }
}
