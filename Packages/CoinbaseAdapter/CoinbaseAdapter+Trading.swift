import TraderCore

extension CoinbaseAdapter {
    /// `POST /orders/preview`: what `order` would cost and whether Coinbase would take it, placing
    /// nothing. A refusal is data (``CoinbaseOrderPreview/errors``), not an error.
    ///
    /// - Throws: ``VenueError``: `rejected` (`unsupported_order`) before anything is sent for an
    ///   order Coinbase spot has no configuration for; `malformed_reply`; the call's errors.
    public func preview(_ order: Order) async throws(VenueError) -> CoinbaseOrderPreview {
        let body: [String: Any] = [
            "product_id": order.symbol.description, "side": order.side.rawValue, "order_configuration": try Self.orderConfiguration(order),
        ]
        let answer = try await client.post("/orders/preview", body: body, repeatable: true, as: WirePreview.self)
        return try CoinbaseMapping.preview(answer, "preview \(order.clientOrderID)")
    }

    /// `GET /transaction_summary`: the account's fee tier.
    ///
    /// - Throws: ``VenueError``; `malformed_reply` without rates between 0 and 1.
    public func feeTier() async throws(VenueError) -> CoinbaseFeeTier {
        try CoinbaseMapping.feeTier(try await client.get("/transaction_summary", as: WireTransactionSummary.self))
    }

    /// `GET /products/{id}/ticker`: the last `limit` trades of `symbol`, newest first.
    ///
    /// - Throws: ``VenueError``; `malformed_reply` for a trade that cannot be read.
    public func marketTrades(for symbol: Symbol, limit: Int) async throws(VenueError) -> MarketTrades {
        let answer = try await client.get("/products/\(symbol)/ticker", query: [("limit", "\(max(1, limit))")], as: WireMarketTrades.self)
        return try CoinbaseMapping.marketTrades(answer, of: symbol)
    }
}
