/// Prices from a venue or a replay: quotes, candles and books.
public protocol MarketData: Sendable {
    /// The latest best bid and ask.
    ///
    /// - Throws: ``VenueError``.
    func quote(for symbol: Symbol) async throws -> Quote

    /// Candles of `interval` whose start is in `range`, oldest first.
    ///
    /// - Throws: ``VenueError``.
    func candles(for symbol: Symbol, interval: Duration, in range: Range<Timestamp>) async throws -> [Candle]

    /// The order book, up to `depth` levels a side.
    ///
    /// - Throws: ``VenueError``.
    func book(for symbol: Symbol, depth: Int) async throws -> BookSnapshot
}

/// The products a venue lists and their rules.
public protocol ProductCatalog: Sendable {
    /// The rules of one product.
    ///
    /// - Throws: ``VenueError`` (`not_found` for an unknown product).
    func rules(for symbol: Symbol) async throws -> ProductRules

    /// Every listed product.
    ///
    /// - Throws: ``VenueError``.
    func allProducts() async throws -> [ProductRules]
}
