import TraderCore

extension VenueConnection {
    /// Which of `universe` the venue lists (in `universe`'s order), and which it does not.
    ///
    /// - Throws: ``VenueError`` when the product list cannot be read.
    func listed(_ universe: [Symbol]) async throws(VenueError) -> (listed: [Symbol], missing: [Symbol]) {
        let products = Set(try await catalog.allProducts().map(\.symbol))
        return (universe.filter { products.contains($0) }, universe.filter { !products.contains($0) })
    }

    /// The rules of each of `symbols`.
    ///
    /// - Throws: ``VenueError`` of the first that cannot be read.
    func rules(of symbols: [Symbol]) async throws(VenueError) -> [Symbol: ProductRules] {
        var rules: [Symbol: ProductRules] = [:]
        for symbol in symbols { rules[symbol] = try await catalog.rules(for: symbol) }
        return rules
    }
}
