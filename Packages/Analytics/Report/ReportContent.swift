import TraderCore

/// One section of a report: a title and a table, the same in the text and the HTML page.
struct ReportSection {
    let title: String
    var table: TextTable

    /// The section for a terminal.
    var text: String { title + "\n" + table.rendered() }
}

/// What a report shows, as sections of rows whose cells are already written out: the text and the
/// HTML page render the same cells, so their numbers are equal.
struct ReportContent {
    let report: TradingReport

    var sections: [ReportSection] {
        [performance] + breakdowns + [attribution, holdTimes, fills, decisions]
    }

    /// `start to end` of the metrics.
    var period: String { "\(metrics.start.map(\.description) ?? "-") to \(metrics.end.map(\.description) ?? "-")" }

    /// The window asked for, if any.
    var window: String? {
        let window = [report.from.map { "from \($0)" }, report.to.map { "to \($0)" }].compactMap { $0 }.joined(separator: " ")
        return window.isEmpty ? nil : window
    }

    private var metrics: PerformanceMetrics { report.metrics }

    /// An amount with the report's currency.
    func money(_ value: FixedPoint?) -> String {
        guard let value else { return "-" }
        return "\(value)" + (report.currency.map { " \($0)" } ?? "")
    }

    private var performance: ReportSection {
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
        return ReportSection(title: "Performance", table: table)
    }

    private var breakdowns: [ReportSection] {
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
            return ReportSection(title: "Round trips by \(name)", table: table)
        }
    }

    /// Edge, slippage and fees, which sum exactly to the net PnL.
    private var attribution: ReportSection {
        let parts = metrics.attribution
        var table = TextTable(nil, [.left, .right])
        table.add(["edge", money(parts.edge)])
        table.add(["entry slippage", money(parts.entrySlippage)])
        table.add(["exit slippage", money(parts.exitSlippage)])
        table.add(["fees", money(parts.fees.negated)])
        table.add(["net PnL", money(parts.net)])
        return ReportSection(title: "Attribution (edge + slippage − fees = net PnL)", table: table)
    }

    private var holdTimes: ReportSection {
        var table = TextTable(["min", "median", "p90", "max", "mean"], Array(repeating: .right, count: 5))
        if let hold = metrics.holdTimeSeconds {
            table.add([hold.min, hold.median, hold.p90, hold.max, hold.mean].map(Self.duration))
        } else {
            table.add(Array(repeating: "-", count: 5))
        }
        return ReportSection(title: "Hold time", table: table)
    }

    private var fills: ReportSection {
        var table = TextTable(nil, [.left, .right])
        table.add(["fills", "\(metrics.fills)"])
        table.add(["maker ratio", Self.percent(metrics.makerFillRatio)])
        table.add(["fees paid", money(metrics.feesPaid)])
        table.add(["  in round trips", money(metrics.attribution.fees)])
        table.add(["  outside them", money(report.feesOutsideRoundTrips)])
        return ReportSection(title: "Fills", table: table)
    }

    /// Why the engine did or did not trade, by reason code.
    private var decisions: ReportSection {
        var table = TextTable(nil, [.left, .right])
        table.add(["cycles without a signal", "\(report.cyclesWithoutSignal)"])
        for code in report.decisions.keys.sorted() { table.add([code, "\(report.decisions[code]!)"]) }
        return ReportSection(
            title: "Decisions by reason code" + (report.decisionsCoverWholeRun && (report.from != nil || report.to != nil) ? " (the whole run)" : ""),
            table: table)
    }

    static func percent(_ value: Double?) -> String {
        value.map { fixed($0 * 100, places: 2) + " %" } ?? "-"
    }

    static func number(_ value: Double?) -> String {
        value.map { fixed($0, places: 2) } ?? "-"
    }

    static func duration(_ seconds: Int64) -> String {
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
