import TraderCore

extension RunComparison {
    /// The comparison for a terminal: the metrics side by side, the trades matched, missed (by
    /// reason code) and made by live alone, and the drift flags.
    public var text: String {
        let tested = ReportContent(report: backtest)
        let header = "compare \(backtest.source) (backtest) with \(live.source) (\(live.kind))\n  window  \(tested.window ?? "both runs whole")"
        return ([header] + sections.map(\.text)).joined(separator: "\n\n")
    }

    private var sections: [ReportSection] {
        let lists = [missedByReason, orders("Missed trades", missed.map { ($0.order, $0.reason) }), orders("Live only", liveOnly.map { ($0, "") })]
        return [sideBySide, trades] + lists.filter { !$0.table.rows.isEmpty } + [drift]
    }

    private var sideBySide: ReportSection {
        let (tested, lived) = (ReportContent(report: backtest), ReportContent(report: live))
        let (a, b) = (backtest.metrics, live.metrics)
        var table = TextTable(["", "backtest", live.kind], [.left, .right, .right])
        table.add(["starting equity", tested.money(a.startingEquity), lived.money(b.startingEquity)])
        table.add(["final equity", tested.money(a.finalEquity), lived.money(b.finalEquity)])
        table.add(["total return", ReportContent.percent(a.totalReturn), ReportContent.percent(b.totalReturn)])
        table.add(["Sharpe", ReportContent.number(a.sharpe), ReportContent.number(b.sharpe)])
        table.add(["max drawdown", ReportContent.percent(a.maxDrawdown), ReportContent.percent(b.maxDrawdown)])
        table.add(["round trips", "\(a.trades.trades)", "\(b.trades.trades)"])
        table.add(["win rate", ReportContent.percent(a.trades.winRate), ReportContent.percent(b.trades.winRate)])
        table.add(["edge", tested.money(a.attribution.edge), lived.money(b.attribution.edge)])
        table.add(["entry slippage", tested.money(a.attribution.entrySlippage), lived.money(b.attribution.entrySlippage)])
        table.add(["exit slippage", tested.money(a.attribution.exitSlippage), lived.money(b.attribution.exitSlippage)])
        table.add(["fees", tested.money(a.attribution.fees.negated), lived.money(b.attribution.fees.negated)])
        table.add(["net PnL", tested.money(a.attribution.net), lived.money(b.attribution.net)])
        table.add(["fills", "\(a.fills)", "\(b.fills)"])
        table.add(["maker ratio", ReportContent.percent(a.makerFillRatio), ReportContent.percent(b.makerFillRatio)])
        table.add(["slippage cost / notional", Self.bps(backtestSlippageBps), Self.bps(liveSlippageBps)])
        table.add(["fees / notional", Self.bps(backtestFeeBps), Self.bps(liveFeeBps)])
        return ReportSection(title: "Side by side", table: table)
    }

    private var trades: ReportSection {
        var table = TextTable(nil, [.left, .right])
        table.add(["backtest orders", "\(matched.count + missed.count)"])
        table.add(["matched", "\(matched.count)"])
        table.add(["missed by live", "\(missed.count)"])
        table.add(["live only", "\(liveOnly.count)"])
        let gaps = matched.map { abs(Double($0.live.decidedAt.nanosecondsSinceEpoch - $0.backtest.decidedAt.nanosecondsSinceEpoch) / 1e9) }
        table.add(["largest decision gap", gaps.max().map { ReportContent.duration(Int64($0)) } ?? "-"])
        return ReportSection(title: "Trades (matched by signal, symbol and side within \(ReportContent.duration(thresholds.matchWindowSeconds)))", table: table)
    }

    private var missedByReason: ReportSection {
        var counts: [String: Int] = [:]
        for miss in missed { counts[miss.reason, default: 0] += 1 }
        var table = TextTable(["reason code", "trades"], [.left, .right])
        for code in counts.keys.sorted() { table.add([code, "\(counts[code]!)"]) }
        return ReportSection(title: "Missed by live, by reason code", table: table)
    }

    private func orders(_ title: String, _ rows: [(order: TradedOrder, reason: String)]) -> ReportSection {
        var table = TextTable(["decided", "symbol", "side", "signal", "quantity", "notional", "reason"], [.left, .left, .left, .left, .right, .right, .left])
        for (order, reason) in rows {
            table.add(["\(order.decidedAt)", "\(order.symbol)", order.side.rawValue, order.signal, "\(order.quantity)", "\(order.notional)", reason])
        }
        return ReportSection(title: title, table: table)
    }

    private var drift: ReportSection {
        var table = TextTable(["flag", "value", "threshold", ""], [.left, .right, .right, .left])
        for flag in flags {
            let unit = flag.unit == "trades" ? "" : flag.unit == "bps" ? " bps" : " pp"
            let places = flag.unit == "trades" ? 0 : 2
            table.add([
                flag.name, flag.value.map { ReportContent.fixed($0, places: places) + unit } ?? "-",
                ReportContent.fixed(flag.threshold, places: places) + unit, flag.raised ? "RAISED" : "ok",
            ])
        }
        return ReportSection(title: "Drift flags", table: table)
    }

    private static func bps(_ value: Double?) -> String {
        value.map { ReportContent.fixed($0, places: 2) + " bps" } ?? "-"
    }
}
