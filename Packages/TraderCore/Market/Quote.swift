/// The best bid and ask of a symbol at an instant.
public struct Quote: Hashable, Sendable {
    /// What is quoted.
    public let symbol: Symbol
    /// The best bid.
    public let bid: Price
    /// The best ask.
    public let ask: Price
    /// The quantity at the best bid.
    public let bidSize: Quantity
    /// The quantity at the best ask.
    public let askSize: Quantity
    /// When the venue published it.
    public let time: Timestamp

    /// Creates a quote.
    public init(symbol: Symbol, bid: Price, ask: Price, bidSize: Quantity, askSize: Quantity, time: Timestamp) {
        self.symbol = symbol
        self.bid = bid
        self.ask = ask
        self.bidSize = bidSize
        self.askSize = askSize
        self.time = time
    }

    /// Creates a quote from venue data. A crossed or locked book is not refused here: it is a
    /// market state that `QuoteGuard` rejects with its own reason.
    ///
    /// - Throws: ``VenueError`` `malformed_reply` for a bid or ask that is not positive.
    public init(validatingSymbol symbol: Symbol, bid: Price, ask: Price, bidSize: Quantity, askSize: Quantity, time: Timestamp)
        throws(VenueError)
    {
        guard bid.value.raw > 0, ask.value.raw > 0 else {
            throw VenueError(.malformedReply, message: "quote: \(symbol) bid \(bid) and ask \(ask) at \(time) must be positive prices")
        }
        self.init(symbol: symbol, bid: bid, ask: ask, bidSize: bidSize, askSize: askSize, time: time)
    }

    /// The midpoint, `(bid + ask) / 2`, rounded to the nearest 10⁻⁸ (ties to even). Inlinable: the
    /// engine marks every quote of every cycle with it.
    @inlinable public var mid: Price {
        let (sum, overflow) = bid.value.raw.addingReportingOverflow(ask.value.raw)
        guard !overflow else {
            let wide = Int128(bid.value.raw) + Int128(ask.value.raw)
            return Price(FixedPoint(raw: Int64(FixedPoint.divide(wide, by: 2, rounding: .toNearestOrEven))))
        }
        // Half of the sum, rounded half to even: the floor, plus one when it drops a half and is odd.
        let floor = sum >> 1
        return Price(FixedPoint(raw: floor + (sum & floor & 1)))
    }

    /// The spread in basis points of the mid; `nil` when the mid is not positive. The spread and
    /// the mid are exact; only their ratio is a `Double`.
    public var spreadBps: Double? {
        let midRaw = Int128(bid.value.raw) + Int128(ask.value.raw)  // twice the mid, exactly
        guard midRaw > 0 else { return nil }
        let spreadRaw = Int128(ask.value.raw) - Int128(bid.value.raw)
        return Double(spreadRaw) * 2 / Double(midRaw) * 10_000
    }

    /// Whether the spread is at most `maxBps` basis points of the mid, decided exactly: `(ask − bid)
    /// × 2 × 10⁴ ≤ maxBps × (ask + bid)` in 128-bit integers, so a spread exactly at the limit
    /// passes; `false` when the mid is not positive.
    public func spread(isWithinBps maxBps: FixedPoint) -> Bool {
        let twiceMid = Int128(bid.value.raw) + Int128(ask.value.raw)
        guard twiceMid > 0 else { return false }
        let spread = Int128(ask.value.raw) - Int128(bid.value.raw)
        return spread * 20_000 * Int128(FixedPoint.scale) <= Int128(maxBps.raw) * twiceMid
    }

    /// Whether the book is crossed or locked (bid at or above ask): a bad quote.
    public var isCrossed: Bool { bid >= ask }

    /// How old the quote is at `now`.
    public func age(at now: Timestamp) -> Duration { time.duration(to: now) }
}
