import TraderCore

/// Rejects implausible quotes: a crossed or locked book, a non-positive price, or a mid that jumps
/// more than ``maxMovePct`` from the last accepted one until ``confirmationQuotes`` consecutive
/// quotes hold the new level (quotes carry no volume to confirm with).
public struct QuoteGuard: Sendable {
    /// The largest mid-to-mid move accepted at once, in %.
    public let maxMovePct: Double
    /// Quotes that must hold a new level before it is accepted.
    public let confirmationQuotes: Int
    private var acceptedMid: Double?
    private var suspectMid: Double?
    private var confirmations = 0

    /// A guard with the given thresholds.
    ///
    /// - Precondition: `maxMovePct > 0` and `confirmationQuotes ≥ 1`.
    public init(maxMovePct: Double, confirmationQuotes: Int) {
        precondition(maxMovePct > 0 && confirmationQuotes >= 1, "a quote guard needs a positive move and a confirmation count")
        self.maxMovePct = maxMovePct
        self.confirmationQuotes = confirmationQuotes
    }

    /// Judges the next quote.
    public mutating func check(_ quote: Quote) -> BadTickGuard.Verdict {
        guard quote.bid.value.raw > 0, quote.ask.value.raw > 0 else {
            return .rejected(code: "bad_tick", reason: "bid \(quote.bid) or ask \(quote.ask) is not positive")
        }
        guard !quote.isCrossed else {
            return .rejected(code: "bad_tick", reason: "crossed or locked book: bid \(quote.bid) ≥ ask \(quote.ask)")
        }
        let mid = quote.mid.value.doubleValue
        guard let baseline = acceptedMid, abs(mid - baseline) / baseline * 100 > maxMovePct else {
            (acceptedMid, suspectMid) = (mid, nil)
            return .accepted
        }
        if let suspect = suspectMid, abs(mid - suspect) / suspect * 100 <= maxMovePct {
            confirmations += 1
            if confirmations >= confirmationQuotes {
                (acceptedMid, suspectMid) = (mid, nil)
                return .accepted
            }
        } else {
            (suspectMid, confirmations) = (mid, 0)
        }
        return .rejected(
            code: "bad_tick",
            reason: "mid \(ReasonFormat.number(mid)) is \(ReasonFormat.number(abs(mid - baseline) / baseline * 100))% from \(ReasonFormat.number(baseline)) (limit \(ReasonFormat.number(maxMovePct))%), held \(confirmations) of \(confirmationQuotes) quotes"
        )
    }
}
