/// An order book at an instant: price levels on each side, best first.
public struct BookSnapshot: Hashable, Sendable {
    /// One price level.
    public struct Level: Hashable, Sendable {
        /// The level's price.
        public let price: Price
        /// The quantity resting there.
        public let quantity: Quantity

        /// Creates a level.
        public init(price: Price, quantity: Quantity) {
            self.price = price
            self.quantity = quantity
        }
    }

    /// The book's symbol.
    public let symbol: Symbol
    /// Bids, highest first.
    public let bids: [Level]
    /// Asks, lowest first.
    public let asks: [Level]
    /// When the venue published it.
    public let time: Timestamp

    /// Creates a snapshot; levels are sorted best first whatever order they come in.
    public init(symbol: Symbol, bids: [Level], asks: [Level], time: Timestamp) {
        self.symbol = symbol
        self.bids = bids.sorted { $0.price > $1.price }
        self.asks = asks.sorted { $0.price < $1.price }
        self.time = time
    }

    /// Creates a snapshot from venue data.
    ///
    /// - Throws: ``VenueError`` `malformed_reply` for a level whose price is not positive.
    public init(validatingSymbol symbol: Symbol, bids: [Level], asks: [Level], time: Timestamp) throws(VenueError) {
        for (side, levels) in [("bid", bids), ("ask", asks)] {
            if let bad = levels.first(where: { $0.price.value.raw <= 0 }) {
                throw VenueError(.malformedReply, message: "book: \(symbol) \(side) level at \(bad.price) is not a positive price")
            }
        }
        self.init(symbol: symbol, bids: bids, asks: asks, time: time)
    }

    /// The midpoint of the best bid and ask; `nil` when a side is empty.
    public var mid: Price? {
        guard let bid = bids.first, let ask = asks.first else { return nil }
        return Quote(symbol: symbol, bid: bid.price, ask: ask.price, bidSize: bid.quantity, askSize: ask.quantity, time: time).mid
    }

    /// The notional (quote currency) resting on each side within `bps` basis points of the mid,
    /// rounded down; `nil` when a side is empty.
    ///
    /// - Throws: ``ArithmeticError`` `overflow` for an absurd book.
    public func depth(withinBps bps: Int) throws(ArithmeticError) -> (bid: FixedPoint, ask: FixedPoint)? {
        guard let mid else { return nil }
        let band = try mid.value.multiplied(by: FixedPoint(raw: Int64(bps) * 10_000), rounding: .down)
        let lowest = try mid.value.subtracting(band)
        let highest = try mid.value.adding(band)
        var bidDepth = FixedPoint.zero
        for level in bids {
            guard level.price.value >= lowest else { break }  // best first: the rest are further out
            bidDepth = try bidDepth.adding(level.price.notional(of: level.quantity, rounding: .down))
        }
        var askDepth = FixedPoint.zero
        for level in asks {
            guard level.price.value <= highest else { break }
            askDepth = try askDepth.adding(level.price.notional(of: level.quantity, rounding: .down))
        }
        return (bidDepth, askDepth)
    }
}
