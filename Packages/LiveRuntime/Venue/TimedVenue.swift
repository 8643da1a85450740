import TraderCore

/// A venue connection whose every call is timed and counted into ``NodeMetrics`` by port method
/// (`quotes`, `candles`, `book`, `rules`, `all_products`, `place`, `cancel`, `order`,
/// `open_orders`, `fills`, `balances`, `positions`, `option_chain`, `option_quote`, `place_bracket`): the latency histograms per venue call (a
/// `place` is a submission), and the failures by error code. Answers pass through unchanged.
struct TimedVenue: MarketData, ProductCatalog, BracketOrderGateway, AccountSource, OptionMarketData {
    let venue: VenueConnection
    let metrics: NodeMetrics

    /// `venue`, timed into `metrics`.
    static func connection(_ venue: VenueConnection, metrics: NodeMetrics) -> VenueConnection {
        var connection = VenueConnection(TimedVenue(venue: venue, metrics: metrics))
        if venue.options == nil { connection.options = nil }
        if venue.brackets == nil { connection.brackets = nil }
        return connection
    }

    private func timed<T>(_ call: String, _ body: () async throws(VenueError) -> T) async throws(VenueError) -> T {
        let started = ContinuousClock.now
        do throws(VenueError) {
            let answer = try await body()
            metrics.recordVenueCall(call, duration: ContinuousClock.now - started, error: nil)
            return answer
        } catch {
            metrics.recordVenueCall(call, duration: ContinuousClock.now - started, error: error)
            throw error
        }
    }

    func quotes(for symbols: [Symbol]) async throws(VenueError) -> SymbolMap<Quote> {
        try await timed("quotes") { () throws(VenueError) in try await venue.market.quotes(for: symbols) }
    }

    func candles(for symbol: Symbol, interval: Duration, in range: Range<Timestamp>) async throws(VenueError) -> [Candle] {
        try await timed("candles") { () throws(VenueError) in try await venue.market.candles(for: symbol, interval: interval, in: range) }
    }

    func book(for symbol: Symbol, depth: Int) async throws(VenueError) -> BookSnapshot {
        try await timed("book") { () throws(VenueError) in try await venue.market.book(for: symbol, depth: depth) }
    }

    func rules(for symbol: Symbol) async throws(VenueError) -> ProductRules {
        try await timed("rules") { () throws(VenueError) in try await venue.catalog.rules(for: symbol) }
    }

    func allProducts() async throws(VenueError) -> [ProductRules] {
        try await timed("all_products") { () throws(VenueError) in try await venue.catalog.allProducts() }
    }

    func place(_ order: Order) async throws(VenueError) -> PlaceAcknowledgement {
        try await timed("place") { () throws(VenueError) in try await venue.orders.place(order) }
    }

    func place(_ bracket: OrderBracket) async throws(VenueError) -> PlaceAcknowledgement {
        try await timed("place_bracket") { () throws(VenueError) in try await venue.placeBracket(bracket) }
    }

    func cancel(_ order: OrderReference) async throws(VenueError) {
        try await timed("cancel") { () throws(VenueError) in try await venue.orders.cancel(order) }
    }

    func order(_ order: OrderReference) async throws(VenueError) -> VenueOrderReport? {
        try await timed("order") { () throws(VenueError) in try await venue.orders.order(order) }
    }

    func openOrders() async throws(VenueError) -> [VenueOrderReport] {
        try await timed("open_orders") { () throws(VenueError) in try await venue.orders.openOrders() }
    }

    func fills(since time: Timestamp) async throws(VenueError) -> [VenueFillReport] {
        try await timed("fills") { () throws(VenueError) in try await venue.orders.fills(since: time) }
    }

    func events() -> AsyncStream<VenueUpdate> { venue.orders.events() }

    func balances() async throws(VenueError) -> [Balance] {
        try await timed("balances") { () throws(VenueError) in try await venue.accounts.balances() }
    }

    func positions() async throws(VenueError) -> [VenuePosition] {
        try await timed("positions") { () throws(VenueError) in try await venue.accounts.positions() }
    }

    func optionChain(for underlying: Symbol) async throws(VenueError) -> OptionChain {
        try await timed("option_chain") { () throws(VenueError) in try await options().optionChain(for: underlying) }
    }

    func quote(for contract: OptionContract) async throws(VenueError) -> Quote {
        try await timed("option_quote") { () throws(VenueError) in try await options().quote(for: contract) }
    }

    /// The venue's options; a connection without them is never given out as having them (see
    /// ``connection(_:metrics:)``), so this throws only if that changes.
    private func options() throws(VenueError) -> any OptionMarketData {
        guard let options = venue.options else { throw VenueError(.notFound, message: "the venue lists no options") }
        return options
    }
}
