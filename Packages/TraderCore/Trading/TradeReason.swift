/// One fact behind a trigger or a proposal, kept as numbers and rendered as text only when read:
/// scans and rules stay free of string formatting, and the audit log still gets words.
public enum TradeReason: Hashable, Sendable, CustomStringConvertible {
    /// The close is `zScore` deviations from its mean.
    case zScore(close: Price, zScore: Double, threshold: Double)
    /// The close moved `pct` % over `bars` bars.
    case move(pct: Double, bars: Int, threshold: Double)
    /// Volume was `ratio` times its average (on a rising or falling bar, when that matters).
    case volume(ratio: Double, threshold: Double, rising: Bool?)
    /// The close broke a level: `above` the high or below the low of `span` (`"20-bar"`).
    case breakout(close: Price, above: Bool, span: String, level: Double)
    /// A moving-average pair, a VWAP or an RSI reading that gated the trigger.
    case gate(name: String, value: Double, reference: Double?)
    /// The market regime the rules saw.
    case regime(Regime)
    /// A re-quote, the `number`-th, of an order cancelled after its post-only TTL.
    case requote(number: Int, of: ClientOrderID)
    /// Free text.
    case note(String)

    /// The fact in words.
    public var description: String {
        switch self {
        case .zScore(let close, let z, let threshold):
            "close \(close) is \(ReasonFormat.number(z)) standard deviations from its mean (threshold ±\(ReasonFormat.number(threshold)))"
        case .move(let pct, let bars, let threshold) where bars > 0:
            "close moved \(ReasonFormat.number(pct))% over \(bars) bars (threshold \(ReasonFormat.number(threshold))%)"
        case .move(let pct, _, let threshold):
            "moved \(ReasonFormat.number(pct))% over the lookback (threshold \(ReasonFormat.number(threshold))%)"
        case .volume(let ratio, let threshold, let rising):
            "volume \(ReasonFormat.number(ratio))× its average (threshold \(ReasonFormat.number(threshold))×)"
                + (rising.map { " on a \($0 ? "rising" : "falling") bar" } ?? "")
        case .breakout(let close, let above, let span, let level):
            "close \(close) broke \(above ? "above" : "below") the \(span) \(above ? "high" : "low") \(ReasonFormat.number(level))"
        case .gate(let name, let value, let reference):
            "\(name) \(ReasonFormat.number(value))" + (reference.map { " vs \(ReasonFormat.number($0))" } ?? "")
        case .regime(let regime):
            "regime \(regime.rawValue)"
        case .requote(let number, let order):
            "re-quote \(number) of \(order) after its post-only TTL"
        case .note(let text):
            text
        }
    }
}
