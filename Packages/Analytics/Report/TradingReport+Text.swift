import TraderCore

extension TradingReport {
    /// The report for a terminal: sections of aligned tables, numbers right-aligned with their
    /// units (the quote currency, %, or a duration).
    public var text: String {
        let content = ReportContent(report: self)
        let window = content.window.map { "\n  window  \($0)" } ?? ""
        let header = "\(kind) \(source)\n  period  \(content.period)" + window
        return ([header] + content.sections.map(\.text)).joined(separator: "\n\n")
    }
}
