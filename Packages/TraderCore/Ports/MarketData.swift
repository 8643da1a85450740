/// Prices from a venue or a replay: quotes, candles and books.
public protocol MarketData: Sendable {
    /// The latest best bid and ask of each of `symbols` the venue quotes, in one call; a symbol
    /// without a quote is missing from the map (the engine fails closed on it).
    ///
    /// - Throws: ``VenueError``.
    func quotes(for symbols: [Symbol]) async throws(VenueError) -> SymbolMap<Quote>

    /// Candles of `interval` whose start is in `range`, oldest first.
    ///
    /// - Throws: ``VenueError``.
    func candles(for symbol: Symbol, interval: Duration, in range: Range<Timestamp>) async throws(VenueError) -> [Candle]

    /// The order book, up to `depth` levels a side.
    ///
    /// - Throws: ``VenueError``.
    func book(for symbol: Symbol, depth: Int) async throws(VenueError) -> BookSnapshot
}

/// The products a venue lists and their rules.
public protocol ProductCatalog: Sendable {
    /// The rules of one product.
    ///
    /// - Throws: ``VenueError`` (`not_found` for an unknown product).
    func rules(for symbol: Symbol) async throws(VenueError) -> ProductRules

    /// Every listed product.
    ///
    /// - Throws: ``VenueError``.
    func allProducts() async throws(VenueError) -> [ProductRules]
}
