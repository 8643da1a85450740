import TraderCore

extension ProductRules {
    /// The rules of a Coinbase product, checked before anything is built: increments, size limits,
    /// minimum notional (`quote_min_size`), and the status its flags give (the bot gate of the
    /// reference, §11).
    ///
    /// - Throws: ``VenueError`` `malformed_reply` for a product without an id in `BASE-QUOTE` form,
    ///   without increments or size limits, or with values ``ProductRules`` refuses.
    init(coinbase product: WireProduct) throws(VenueError) {
        func missing(_ field: String) -> VenueError {
            VenueError(.malformedReply, message: "product \(product.productID ?? "without product_id"): \(field) is missing or empty")
        }
        guard let id = product.productID, let symbol = Symbol(canonical: id) else {
            throw VenueError(.malformedReply, message: "product id \"\((product.productID ?? "").prefix(32))\" is not BASE-QUOTE")
        }
        guard let base = product.baseIncrement?.value else { throw missing("base_increment") }
        guard let tick = product.priceIncrement?.value ?? product.quoteIncrement?.value else { throw missing("price_increment") }
        guard let minSize = product.baseMinSize?.value else { throw missing("base_min_size") }
        guard let maxSize = product.baseMaxSize?.value else { throw missing("base_max_size") }
        guard !base.isNegative, !minSize.isNegative, !maxSize.isNegative else {
            throw VenueError(.malformedReply, message: "product \(id): a negative increment or size")
        }
        try self.init(
            validatingSymbol: symbol, baseIncrement: Quantity(base), priceIncrement: Price(tick), minSize: Quantity(minSize),
            maxSize: Quantity(maxSize), minNotional: product.quoteMinSize?.value ?? .zero, status: Self.status(of: product))
    }

    /// What may be placed on the product, from its status and flags.
    static func status(of product: WireProduct) -> Status {
        if product.status?.lowercased() != "online" { return .offline }
        if product.tradingDisabled == true || product.isDisabled == true || product.viewOnly == true { return .disabled }
        if product.cancelOnly == true { return .cancelOnly }
        if product.postOnly == true { return .postOnly }
        if product.limitOnly == true || product.auctionMode == true { return .limitOnly }
        return .online
    }
}
