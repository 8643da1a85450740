import TraderCore

extension TradingReport {
    /// The report as one self-contained HTML page: no script, font or file from elsewhere; its
    /// charts are inline SVG drawn here (equity, drawdown, monthly returns, exposure by asset,
    /// each symbol's trades and rejections over time when the report has them, attribution) and its
    /// tables are the text report's cells, so the page's numbers equal the terminal's. It reads at
    /// a phone's width (charts scale, wide tables scroll) and at a desktop's.
    public var html: String {
        ReportPage(report: self).rendered
    }
}

/// The page ``TradingReport/html`` writes.
private struct ReportPage {
    let report: TradingReport
    /// The most points a curve is drawn with (see ``CurveDownsampler``).
    static let buckets = 600
    static let width = 800.0
    static let height = 220.0

    var rendered: String {
        let content = ReportContent(report: report)
        var page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escaped("\(report.kind) \(report.source)"))</title>
            <style>\(Self.style)</style></head><body><main>
            <h1>\(Self.escaped(report.kind)) <span>\(Self.escaped(report.source))</span></h1>
            <p>period \(Self.escaped(content.period))\(content.window.map { " · window \(Self.escaped($0))" } ?? "")</p>

            """
        page += chart("equity", "Equity", equityChart)
        page += chart("drawdown", "Drawdown", drawdownChart)
        page += chart("monthly-returns", "Monthly returns", monthlyChart)
        if let exposure = report.exposure { page += chart("exposure", "Exposure by asset (% of NAV)", exposureChart(exposure)) }
        for symbol in report.markers?.symbols ?? [] {
            page += chart("trades-\(symbol.symbol)", "Trades in \(symbol.symbol): decision mids, buys ▲ and sells ▼", tradesChart(symbol))
        }
        if !report.rejectionsByDay.isEmpty { page += chart("rejections", "Rejections by reason over time", rejectionsChart) }
        page += chart("attribution-bars", "Attribution", attributionChart)
        for section in content.sections { page += table(section) }
        page += "</main></body></html>\n"
        return page
    }

    static let style = """
        body{margin:0;font:15px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2430;background:#fafbfc}\
        main{max-width:960px;margin:0 auto;padding:12px}h1{font-size:1.3em}h1 span{font-weight:normal;color:#5a6475}\
        h2{font-size:1.05em;margin:1.4em 0 .4em}section{overflow-x:auto}svg{width:100%;height:auto;display:block;background:#fff}\
        table{border-collapse:collapse;font-variant-numeric:tabular-nums;white-space:nowrap}\
        td,th{padding:2px 10px;border-bottom:1px solid #e4e7ec}td.r,th.r{text-align:right}th{font-weight:600}\
        .axis{font-size:11px;fill:#5a6475}.cell{font-size:10px;fill:#1d2430}
        """

    private func chart(_ id: String, _ title: String, _ svg: String) -> String {
        "<section id=\"\(id)\"><h2>\(title)</h2>\n\(svg)\n</section>\n"
    }

    private func table(_ section: ReportSection) -> String {
        let table = section.table
        func cell(_ text: String, _ column: Int, _ tag: String) -> String {
            let right = table.alignments[column] == .right ? " class=\"r\"" : ""
            return "<\(tag)\(right)>\(Self.escaped(text))</\(tag)>"
        }
        var html = "<section><h2>\(Self.escaped(section.title))</h2><table>"
        if let headers = table.headers { html += "<tr>" + headers.enumerated().map { cell($1, $0, "th") }.joined() + "</tr>" }
        for row in table.rows { html += "<tr>" + row.enumerated().map { cell($1, $0, "td") }.joined() + "</tr>" }
        return html + "</table></section>\n"
    }

    // MARK: - Charts

    private var equityValues: [Double] { report.equity.map(\.equity.doubleValue) }

    private var equityChart: String {
        let values = equityValues
        return lineChart(values, labels: (Self.amount(values.min()), Self.amount(values.max())), fill: false)
    }

    /// The drop from the running peak, in % (0 at a peak, negative below it).
    private var drawdownChart: String {
        var peak = -Double.infinity
        let drawdowns = equityValues.map { value -> Double in
            peak = max(peak, value)
            return peak > 0 ? (value / peak - 1) * 100 : 0
        }
        return lineChart(drawdowns, labels: (ReportContent.fixed(drawdowns.min() ?? 0, places: 2) + " %", "0 %"), fill: true)
    }

    /// The most buys (and sells) drawn per symbol; past it, an even spread of them in time order.
    static let maxMarkers = 1_000

    /// A symbol's decision mids as a line (thinned like the equity) and its fills as triangles,
    /// buys up and green, sells down and red, on one time and price scale.
    private func tradesChart(_ marks: TradeMarkers.SymbolMarks) -> String {
        let (width, height) = (Self.width, Self.height)
        let all = marks.decisionMids + marks.buys + marks.sells
        guard let first = all.map(\.time).min(), let last = all.map(\.time).max(), last > first,
            let low = all.map(\.price).min(), let high = all.map(\.price).max()
        else { return empty }
        let (lowValue, span) = (low.value.doubleValue, max(high.value.doubleValue - low.value.doubleValue, 1e-8))
        let seconds = Double(first.duration(to: last).components.seconds)
        func x(_ time: Timestamp) -> Double { 60 + (width - 70) * Double(first.duration(to: time).components.seconds) / seconds }
        func y(_ price: Price) -> Double { 10 + (height - 30) * (1 - (price.value.doubleValue - lowValue) / span) }
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        let mids = marks.decisionMids
        if mids.count > 1 {
            let kept = CurveDownsampler.keptIndices(of: mids.map { $0.price.value.doubleValue }, buckets: Self.buckets)
            svg += "<path d=\"M" + kept.map { "\(Self.coordinate(x(mids[$0].time))),\(Self.coordinate(y(mids[$0].price)))" }.joined(separator: "L")
                + "\" fill=\"none\" stroke=\"#8a94a6\" stroke-width=\"1\"/>"
        }
        for (fills, up, color) in [(marks.buys, true, "#2e8b57"), (marks.sells, false, "#be2d2d")] {
            let stride = max(1, (fills.count + Self.maxMarkers - 1) / Self.maxMarkers)
            var path = ""
            for index in Swift.stride(from: 0, to: fills.count, by: stride) {
                let (px, py) = (x(fills[index].time), y(fills[index].price))
                let tip = up ? py - 4 : py + 4
                let base = up ? py + 2 : py - 2
                path += "M\(Self.coordinate(px)),\(Self.coordinate(tip))L\(Self.coordinate(px - 3)),\(Self.coordinate(base))L\(Self.coordinate(px + 3)),\(Self.coordinate(base))Z"
            }
            if !path.isEmpty { svg += "<path d=\"\(path)\" fill=\"\(color)\"/>" }
        }
        return svg + Self.axes(high: "\(high)", low: "\(low)", from: first, to: last) + "</svg>"
    }

    /// Each asset's exposure as its own line (thinned like the equity), over a shared 0 to the
    /// highest %, with a legend.
    private func exposureChart(_ series: ExposureSeries) -> String {
        guard series.points.count > 1, !series.assets.isEmpty else { return empty }
        let (width, height) = (Self.width, Self.height)
        let high = max(series.points.lazy.flatMap(\.percents).max() ?? 1, 1)
        let last = Double(series.points.count - 1)
        let colors = ["#2563a8", "#d9822b", "#2e8b57", "#8e44ad", "#be2d2d", "#16a2b8", "#6b7280", "#b7950b"]
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\">"
        for (column, asset) in series.assets.enumerated() {
            let values = series.points.map { $0.percents[column] }
            let kept = CurveDownsampler.keptIndices(of: values, buckets: Self.buckets)
            let path = "M" + kept.map { index in
                "\(Self.coordinate(60 + (width - 70) * Double(index) / last)),\(Self.coordinate(10 + (height - 30) * (1 - values[index] / high)))"
            }.joined(separator: "L")
            let color = colors[column % colors.count]
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.2\"/>"
            svg += "<text class=\"axis\" x=\"\(70 + 70 * column)\" y=\"16\" style=\"fill:\(color)\">\(Self.escaped(asset))</text>"
        }
        return svg + Self.axes(high: Self.amount(high) + " %", low: "0 %", from: series.points[0].time, to: series.points[series.points.count - 1].time)
            + "</svg>"
    }

    /// `values` as a polyline over the chart's width (an area down to the top edge when `fill`),
    /// thinned by ``CurveDownsampler``, with the lowest and highest value written on the left.
    private func lineChart(_ values: [Double], labels: (low: String, high: String), fill: Bool) -> String {
        let (width, height) = (Self.width, Self.height)
        guard let low = values.min(), let high = values.max(), values.count > 1 else { return empty }
        let span = high > low ? high - low : 1
        let kept = CurveDownsampler.keptIndices(of: values, buckets: Self.buckets)
        let last = Double(values.count - 1)
        let points = kept.map { index in
            (x: 60 + (width - 70) * Double(index) / last, y: 10 + (height - 30) * (1 - (values[index] - low) / span))
        }
        var path = "M" + points.map { "\(Self.coordinate($0.x)),\(Self.coordinate($0.y))" }.joined(separator: "L")
        if fill, let first = points.first, let end = points.last {
            path += "L\(Self.coordinate(end.x)),10L\(Self.coordinate(first.x)),10Z"
        }
        return """
            <svg viewBox="0 0 \(Int(width)) \(Int(height))" role="img"><path d="\(path)" fill="\(fill ? "#f3c4c4" : "none")" \
            stroke="\(fill ? "#b83232" : "#2563a8")" stroke-width="1.5"/>
            """ + Self.axes(high: labels.high, low: labels.low, from: report.equity.first?.time, to: report.equity.last?.time) + "</svg>"
    }

    /// A time chart's axis labels: its highest and lowest value on the left, its first and last
    /// day along the bottom.
    private static func axes(high: String, low: String, from first: Timestamp?, to last: Timestamp?) -> String {
        let (width, height) = (Int(Self.width), Int(Self.height))
        let day = { (time: Timestamp?) in time.map { "\($0)".prefix(10) } ?? "" }
        return "<text class=\"axis\" x=\"2\" y=\"16\">\(escaped(high))</text><text class=\"axis\" x=\"2\" y=\"\(height - 22)\">\(escaped(low))</text>"
            + "<text class=\"axis\" x=\"60\" y=\"\(height - 4)\">\(day(first))</text>"
            + "<text class=\"axis\" x=\"\(width - 72)\" y=\"\(height - 4)\">\(day(last))</text>"
    }

    /// Each calendar month's return (UTC), month-end equity over the previous month-end's (the
    /// first month's over the first point), as a grid of years by months, green up, red down.
    private var monthlyChart: String {
        var months: [(year: Int, month: Int, end: FixedPoint)] = []
        for point in report.equity {
            let (year, month, _) = ISO8601Format.civilFromDays(point.time.utcDay)
            if let last = months.last, last.year == year, last.month == month {
                months[months.count - 1].end = point.equity
            } else {
                months.append((year, month, point.equity))
            }
        }
        guard let first = report.equity.first, !months.isEmpty else { return empty }
        var previous = Double(first.equity.raw)
        var returns: [Int: [Int: Double]] = [:]
        for month in months {
            let end = Double(month.end.raw)
            returns[month.year, default: [:]][month.month] = previous > 0 ? (end / previous - 1) * 100 : 0
            previous = end
        }
        let years = returns.keys.sorted()
        let largest = max(returns.values.flatMap(\.values).map(abs).max() ?? 1, 0.01)
        let (cell, row) = (58.0, 20.0)
        var svg = "<svg viewBox=\"0 0 \(Int(50 + cell * 12)) \(Int(row * Double(years.count + 1) + 4))\" role=\"img\">"
        for (column, name) in ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"].enumerated() {
            svg += "<text class=\"axis\" x=\"\(Int(50 + cell * Double(column) + 18))\" y=\"14\">\(name)</text>"
        }
        for (index, year) in years.enumerated() {
            let y = row * Double(index + 1)
            svg += "<text class=\"axis\" x=\"2\" y=\"\(Int(y + 14))\">\(year)</text>"
            for month in 1...12 {
                guard let value = returns[year]?[month] else { continue }
                let strength = min(abs(value) / largest, 1) * 0.85 + 0.1
                let color = value >= 0 ? "rgba(34,139,84,\(ReportContent.fixed(strength, places: 2)))" : "rgba(190,45,45,\(ReportContent.fixed(strength, places: 2)))"
                let x = 50 + cell * Double(month - 1)
                svg += "<rect x=\"\(Int(x))\" y=\"\(Int(y) + 2)\" width=\"\(Int(cell) - 2)\" height=\"\(Int(row) - 2)\" fill=\"\(color)\"/>"
                svg += "<text class=\"cell\" x=\"\(Int(x) + 4)\" y=\"\(Int(y) + 15)\">\(ReportContent.fixed(value, places: 1))%</text>"
            }
        }
        return svg + "</svg>"
    }

    /// The rejections as stacked bars by reason code, in buckets of whole days (as few days as keep
    /// the bars at most 120), with a legend of the codes by count.
    private var rejectionsChart: String {
        let daily = report.rejectionsByDay
        guard let first = daily.map(\.day).min(), let last = daily.map(\.day).max() else { return empty }
        let days = Int(first.duration(to: last).components.seconds / 86_400) + 1
        let perBucket = max(1, (days + 119) / 120)
        let buckets = (days + perBucket - 1) / perBucket
        var totals: [String: Int] = [:]
        for count in daily { totals[count.code, default: 0] += count.count }
        let codes = totals.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let column = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1.key, $0) })
        var stacks = Array(repeating: Array(repeating: 0, count: codes.count), count: buckets)
        for count in daily {
            let bucket = Int(first.duration(to: count.day).components.seconds / 86_400) / perBucket
            if let index = column[count.code] { stacks[bucket][index] += count.count }
        }
        let highest = max(stacks.map { $0.reduce(0, +) }.max() ?? 1, 1)
        let legend = min(codes.count, 8)
        let (width, top, bottom) = (Self.width, 12.0 + 13 * Double((legend + 2) / 3) + 6, Self.height - 20)
        let barWidth = (width - 70) / Double(buckets)
        let colors = ["#be2d2d", "#d9822b", "#b7950b", "#8e44ad", "#2563a8", "#16a2b8", "#2e8b57", "#6b7280"]
        var svg = "<svg viewBox=\"0 0 \(Int(width)) \(Int(Self.height))\" role=\"img\">"
        for (bucket, stack) in stacks.enumerated() {
            var y = bottom
            for (index, count) in stack.enumerated() where count > 0 {
                let height = (bottom - top) * Double(count) / Double(highest)
                y -= height
                svg += "<rect x=\"\(Self.coordinate(60 + barWidth * Double(bucket)))\" y=\"\(Self.coordinate(y))\" "
                    + "width=\"\(Self.coordinate(max(barWidth - 1, 0.5)))\" height=\"\(Self.coordinate(height))\" fill=\"\(colors[index % colors.count])\"/>"
            }
        }
        for (index, code) in codes.prefix(colors.count).enumerated() {
            svg += "<text class=\"axis\" x=\"\(60 + 245 * (index % 3))\" y=\"\(12 + 13 * (index / 3))\" style=\"fill:\(colors[index])\">"
                + "\(Self.escaped(code.key)) \(code.value)</text>"
        }
        return svg + """
            <text class="axis" x="2" y="\(Int(top) + 8)">\(highest)</text><text class="axis" x="2" y="\(Int(bottom))">0</text>\
            <text class="axis" x="60" y="\(Int(Self.height) - 4)">\("\(first)".prefix(10)) · \(perBucket) d a bar</text>\
            <text class="axis" x="\(Int(width) - 72)" y="\(Int(Self.height) - 4)">\("\(last)".prefix(10))</text></svg>
            """
    }

    /// Edge, the two slippages, fees (negative) and the net PnL as horizontal bars from zero.
    private var attributionChart: String {
        let parts = report.metrics.attribution
        let bars: [(String, FixedPoint)] = [
            ("edge", parts.edge), ("entry slippage", parts.entrySlippage), ("exit slippage", parts.exitSlippage), ("fees", parts.fees.negated),
            ("net PnL", parts.net),
        ]
        let values = bars.map(\.1.doubleValue)
        let largest = max(values.map(abs).max() ?? 1, 1e-8)
        let (left, span, row) = (120.0, Self.width - 140, 26.0)
        let zero = left + span * (values.contains { $0 < 0 } ? (values.contains { $0 > 0 } ? 0.5 : 1) : 0)
        let scale = (values.contains { $0 < 0 } && values.contains { $0 > 0 } ? span / 2 : span) / largest
        var svg = "<svg viewBox=\"0 0 \(Int(Self.width)) \(Int(row * Double(bars.count) + 8))\" role=\"img\">"
        for (index, (name, amount)) in bars.enumerated() {
            let value = values[index]
            let y = row * Double(index) + 4
            let x = value >= 0 ? zero : zero + value * scale
            svg += "<text class=\"axis\" x=\"2\" y=\"\(Int(y) + 15)\">\(name)</text>"
            svg += "<rect x=\"\(Self.coordinate(x))\" y=\"\(Int(y))\" width=\"\(Self.coordinate(max(abs(value) * scale, 1)))\" height=\"\(Int(row) - 8)\" "
                + "fill=\"\(value >= 0 ? "#2e8b57" : "#be2d2d")\"><title>\(name) \(amount)</title></rect>"
        }
        return svg + "<line x1=\"\(Self.coordinate(zero))\" x2=\"\(Self.coordinate(zero))\" y1=\"0\" y2=\"\(Int(row * Double(bars.count) + 8))\" stroke=\"#5a6475\"/></svg>"
    }

    private var empty: String {
        "<svg viewBox=\"0 0 \(Int(Self.width)) 40\" role=\"img\"><text class=\"axis\" x=\"2\" y=\"24\">no data in the window</text></svg>"
    }

    private static func amount(_ value: Double?) -> String { value.map { ReportContent.fixed($0, places: 2) } ?? "-" }

    private static func coordinate(_ value: Double) -> String { ReportContent.fixed(value, places: 1) }

    /// `text` safe inside HTML elements and attribute values.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
