import TraderCore

extension PaperVenue: MarketData {
    /// The quotes the last closed bars imply; a symbol without a closed bar yet is missing.
    public func quotes(for symbols: [Symbol]) async throws(VenueError) -> SymbolMap<Quote> {
        var quotes: SymbolMap<Quote> = [:]
        for symbol in symbols { if let quote = quote(of: symbol) { quotes[symbol] = quote } }
        return quotes
    }

    /// The closed bars of `symbol` opening in `range`, oldest first, at the replay's interval.
    ///
    /// - Throws: ``VenueError`` `rejected` (`INVALID_ARGUMENT`) for another interval; `not_found`
    ///   for a product not listed.
    public func candles(for symbol: Symbol, interval: Duration, in range: Range<Timestamp>) async throws(VenueError) -> [Candle] {
        guard products[symbol] != nil else { throw VenueError(.notFound, message: "candles: \(symbol) is not listed") }
        guard interval == .seconds(self.interval.seconds) else {
            throw VenueError(.rejected, venueReason: "INVALID_ARGUMENT", message: "candles: granularity \(interval) is not served; the replay is \(self.interval)")
        }
        guard let bars = history[symbol] else { return [] }
        // Oldest first: the bars in range are a slice, found by bisection.
        func firstIndex(atOrAfter time: Timestamp) -> Int {
            var low = 0
            var high = bars.count
            while low < high {
                let middle = (low + high) / 2
                if bars[middle].time < time { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return Array(bars[firstIndex(atOrAfter: range.lowerBound)..<firstIndex(atOrAfter: range.upperBound)])
    }

    /// A one-level book a side: the quote's bid and ask at its sizes.
    ///
    /// - Throws: ``VenueError`` `not_found` for a product not listed or without a closed bar yet.
    public func book(for symbol: Symbol, depth: Int) async throws(VenueError) -> BookSnapshot {
        guard let quote = quote(of: symbol) else { throw VenueError(.notFound, message: "book: no price for \(symbol) yet") }
        let levels = depth > 0
        return BookSnapshot(
            symbol: symbol, bids: levels ? [.init(price: quote.bid, quantity: quote.bidSize)] : [],
            asks: levels ? [.init(price: quote.ask, quantity: quote.askSize)] : [], time: quote.time)
    }
}

extension PaperVenue: ProductCatalog {
    /// The rules of a listed product.
    ///
    /// - Throws: ``VenueError`` `not_found` for one not listed.
    public func rules(for symbol: Symbol) async throws(VenueError) -> ProductRules {
        guard let rules = products[symbol] else { throw VenueError(.notFound, message: "product \(symbol) is not listed") }
        return rules
    }

    /// Every listed product, by symbol.
    public func allProducts() async throws(VenueError) -> [ProductRules] {
        products.values.sorted { $0.symbol < $1.symbol }
    }
}

extension PaperVenue: AccountSource {
    /// Every currency with a balance, by code: what is free, and what working orders hold.
    public func balances() async throws(VenueError) -> [Balance] {
        totals.keys.sorted().compactMap { currency in
            let total = totals[currency] ?? .zero
            guard !total.isZero else { return nil }
            let hold = held(currency)
            return Balance(currency: currency, available: FixedPoint(raw: total.raw - hold.raw), hold: hold)
        }
    }

    /// None: a spot venue holds balances, not positions.
    public func positions() async throws(VenueError) -> [VenuePosition] { [] }
}
