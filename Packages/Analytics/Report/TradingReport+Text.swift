import TraderCore

extension TradingReport {
    /// The report for a terminal: sections of aligned tables, numbers right-aligned with their
    /// units (the quote currency, %, or a duration).
    public var text: String {
        ReportText(report: self).rendered
    }
}

/// The sections of ``TradingReport/text``.
private struct ReportText {
    let report: TradingReport

    var rendered: String {
        [header, performance, breakdowns, attribution, holdTimes, fills, decisions].joined(separator: "\n\n")
    }

    private var metrics: PerformanceMetrics { report.metrics }

    /// An amount with the report's currency.
    private func money(_ value: FixedPoint?) -> String {
        guard let value else { return "-" }
        return "\(value)" + (report.currency.map { " \($0)" } ?? "")
    }

    private var header: String {
        let window = [report.from.map { "from \($0)" }, report.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        let period = "\(metrics.start.map(\.description) ?? "-") to \(metrics.end.map(\.description) ?? "-")"
        return "\(report.kind) \(report.source)\n  period  \(period)" + (window.isEmpty ? "" : "\n  window  \(window)")
    }

    private var performance: String {
        let trades = metrics.trades
        var table = TextTable(nil, [.left, .right])
        table.add(["starting equity", money(metrics.startingEquity)])
        table.add(["final equity", money(metrics.finalEquity)])
        table.add(["total return", Self.percent(metrics.totalReturn)])
        table.add(["CAGR", Self.percent(metrics.cagr)])
        table.add(["volatility", Self.percent(metrics.annualizedVolatility)])
        table.add(["Sharpe", Self.number(metrics.sharpe)])
        table.add(["Sortino", Self.number(metrics.sortino)])
        table.add(["max drawdown", Self.percent(metrics.maxDrawdown)])
        table.add(["longest drawdown", Self.duration(metrics.maxDrawdownDurationSeconds)])
        table.add(["Calmar", Self.number(metrics.calmar)])
        table.add(["exposure time", Self.percent(metrics.exposureTime)])
        table.add(["round trips", "\(trades.trades)"])
        table.add(["win rate", Self.percent(trades.winRate)])
        table.add(["profit factor", Self.number(trades.profitFactor)])
        table.add(["expectancy", money(trades.expectancy)])
        table.add(["average win", money(trades.averageWin)])
        table.add(["average loss", money(trades.averageLoss)])
        return "Performance\n" + table.rendered()
    }

    private var breakdowns: String {
        [
            ("signal", metrics.bySignal), ("symbol", metrics.bySymbol), ("regime", metrics.byRegime), ("tier", metrics.byTier),
        ].map { name, groups in
            var table = TextTable([name, "trades", "win rate", "net PnL", "fees", "profit factor", "expectancy"], [.left] + Array(repeating: .right, count: 6))
            for key in groups.keys.sorted() {
                let group = groups[key]!
                table.add([
                    key, "\(group.trades)", Self.percent(group.winRate), money(group.netPnL), money(group.fees), Self.number(group.profitFactor),
                    money(group.expectancy),
                ])
            }
            return "Round trips by \(name)\n" + table.rendered()
        }.joined(separator: "\n\n")
    }

    /// Edge, slippage and fees, which sum exactly to the net PnL.
    private var attribution: String {
        let parts = metrics.attribution
        var table = TextTable(nil, [.left, .right])
        table.add(["edge", money(parts.edge)])
        table.add(["entry slippage", money(parts.entrySlippage)])
        table.add(["exit slippage", money(parts.exitSlippage)])
        table.add(["fees", money(parts.fees.negated)])
        table.add(["net PnL", money(parts.net)])
        return "Attribution (edge + slippage − fees = net PnL)\n" + table.rendered()
    }

    private var holdTimes: String {
        guard let hold = metrics.holdTimeSeconds else { return "Hold time\n  no round trips" }
        var table = TextTable(["min", "median", "p90", "max", "mean"], Array(repeating: .right, count: 5))
        table.add([hold.min, hold.median, hold.p90, hold.max, hold.mean].map(Self.duration))
        return "Hold time\n" + table.rendered()
    }

    private var fills: String {
        var table = TextTable(nil, [.left, .right])
        table.add(["fills", "\(metrics.fills)"])
        table.add(["maker ratio", Self.percent(metrics.makerFillRatio)])
        table.add(["fees paid", money(metrics.feesPaid)])
        table.add(["  in round trips", money(metrics.attribution.fees)])
        table.add(["  outside them", money(report.feesOutsideRoundTrips)])
        return "Fills\n" + table.rendered()
    }

    /// Why the engine did or did not trade, by reason code.
    private var decisions: String {
        var table = TextTable(nil, [.left, .right])
        table.add(["cycles without a signal", "\(report.cyclesWithoutSignal)"])
        for code in report.decisions.keys.sorted() { table.add([code, "\(report.decisions[code]!)"]) }
        return "Decisions by reason code" + (report.decisionsCoverWholeRun && (report.from != nil || report.to != nil) ? " (the whole run)" : "")
            + "\n" + table.rendered()
    }

    private static func percent(_ value: Double?) -> String {
        value.map { fixed($0 * 100, places: 2) + " %" } ?? "-"
    }

    private static func number(_ value: Double?) -> String {
        value.map { fixed($0, places: 2) } ?? "-"
    }

    private static func duration(_ seconds: Int64) -> String {
        switch seconds {
        case 86_400...: fixed(Double(seconds) / 86_400, places: 1) + " d"
        case 3_600...: fixed(Double(seconds) / 3_600, places: 1) + " h"
        case 60...: fixed(Double(seconds) / 60, places: 1) + " min"
        default: "\(seconds) s"
        }
    }

    /// `value` rounded half away from zero to `places` decimals, written out (`-` when it is not
    /// finite or too large to write).
    static func fixed(_ value: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard scaled.isFinite, abs(scaled) < 9e15 else { return "-" }
        let units = Int64(scaled)
        let whole = String(abs(units) / Int64(scale))
        let fraction = String(abs(units) % Int64(scale))
        let sign = units < 0 ? "-" : ""
        guard places > 0 else { return sign + whole }
        return sign + whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }
}
