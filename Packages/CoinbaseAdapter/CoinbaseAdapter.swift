import Foundation
import Logging
import TraderCore

/// Coinbase Advanced Trade behind TraderCore's ports, over REST: products and their rules, quotes,
/// candles, books, balances, and orders placed, looked up and cancelled by client order id.
///
/// Client order ids are sent as the engine makes them (already unique across runs: they carry the
/// run's epoch), so Coinbase's own idempotency holds: an id it has returns that order, never a
/// second one. Order events come from polling REST (``events()``), so no event is lost to a
/// dropped connection: each poll compares the venue's orders with what it reported before.
public final class CoinbaseAdapter: Sendable {
    let client: CoinbaseClient
    let clock: any TradingClock
    let logger: Logger
    let productCache = ProductRulesCache()

    /// An adapter for `configuration`, signing with `clock`'s time, reporting to `logger`.
    public init(
        configuration: CoinbaseConfiguration, clock: any TradingClock = SystemClock(),
        logger: Logger = Logger(label: "trader.coinbase", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        client = CoinbaseClient(configuration: configuration, clock: clock, logger: logger)
        self.clock = clock
        self.logger = logger
    }

    /// The venue's clock, from `GET /time`.
    ///
    /// - Throws: ``VenueError``.
    public func serverTime() async throws(VenueError) -> Timestamp {
        let answer = try await client.get("/time", as: WireServerTime.self)
        guard let seconds = answer.epochSeconds?.value, seconds.raw % FixedPoint.scale == 0 else {
            throw CoinbaseMapping.malformed("time: epochSeconds is missing")
        }
        return try Timestamp(validatingSecondsSinceEpoch: seconds.raw / FixedPoint.scale)
    }

    /// How far this machine's clock is from Coinbase's (`GET /time`, the request's midpoint taken
    /// as the instant the venue answered), after checking that it is within `maxSkew` (widened by
    /// half the request's round trip, within which the venue answered): tokens are
    /// valid for 120 s from the time they name, so a clock far off signs tokens the venue refuses.
    ///
    /// - Returns: this clock minus the venue's.
    /// - Throws: ``VenueError`` `unauthorized` (reason `CLOCK_SKEW`) beyond `maxSkew`; the call's errors.
    @discardableResult
    public func checkClock(maxSkew: Duration) async throws(VenueError) -> Duration {
        let before = clock.now()
        let venue = try await serverTime()
        let after = clock.now()
        let roundTrip = before.duration(to: after)
        let midpoint = before.advanced(by: roundTrip / 2)
        // The venue's time is in whole seconds: up to a second of the difference is its rounding.
        // It answered at some instant of the round trip: a slow answer (a loaded machine) widens
        // what the skew can be by half the round trip, and only a clock certainly off is refused.
        let skew = venue.duration(to: midpoint)
        let magnitude = skew < .zero ? .zero - skew : skew
        guard magnitude <= maxSkew + .seconds(1) + roundTrip / 2 else {
            throw VenueError(
                .unauthorized, venueReason: "CLOCK_SKEW",
                message: "this clock is \(skew) off Coinbase's (\(venue)); at most \(maxSkew) is allowed: sync the clock before trading")
        }
        return skew
    }
}

extension CoinbaseAdapter: ProductCatalog {
    /// `GET /products/{id}`.
    public func rules(for symbol: Symbol) async throws(VenueError) -> ProductRules {
        try ProductRules(coinbase: try await client.get("/products/\(symbol)", as: WireProduct.self))
    }

    /// The rules of `symbols` as a trading cycle needs them: each read from Coinbase when last read
    /// longer than ``CoinbaseConfiguration/productRefreshInterval`` ago, or when an order of it was refused
    /// for a product rule (its status, sizes or increments) since; otherwise as last read.
    ///
    /// - Throws: ``VenueError`` of the first read that fails (`not_found` for a product Coinbase does not list).
    public func currentRules(for symbols: [Symbol]) async throws(VenueError) -> SymbolMap<ProductRules> {
        let now = clock.now()
        let oldest = now.advanced(by: .zero - client.configuration.productRefreshInterval)
        var current: SymbolMap<ProductRules> = [:]
        for symbol in symbols {
            if let cached = await productCache.rules(of: symbol, readSince: oldest) {
                current[symbol] = cached
            } else {
                let rules = try await rules(for: symbol)
                await productCache.store(rules, readAt: now)
                current[symbol] = rules
            }
        }
        return current
    }

    /// Every spot product, `GET /products?product_type=SPOT`; products that cannot be read are
    /// left out (a listing is not refused for one bad product).
    public func allProducts() async throws(VenueError) -> [ProductRules] {
        let list = try await client.get("/products", query: [("product_type", "SPOT")], as: WireProductList.self)
        return (list.products ?? []).compactMap { try? ProductRules(coinbase: $0) }.sorted { $0.symbol < $1.symbol }
    }
}

extension CoinbaseAdapter: MarketData {
    /// `GET /best_bid_ask?product_ids=...`, every symbol in one call.
    public func quotes(for symbols: [Symbol]) async throws(VenueError) -> SymbolMap<Quote> {
        guard !symbols.isEmpty else { return [:] }
        let list = try await client.get(
            "/best_bid_ask", query: symbols.map { ("product_ids", $0.description) }, as: WirePricebookList.self)
        var quotes: SymbolMap<Quote> = [:]
        for book in list.pricebooks ?? [] {
            let quote = try CoinbaseMapping.quote(book)
            if symbols.contains(quote.symbol) { quotes[quote.symbol] = quote }
        }
        return quotes
    }

    /// `GET /products/{id}/candles`, paged by at most 300 candles, oldest first.
    public func candles(for symbol: Symbol, interval: Duration, in range: Range<Timestamp>) async throws(VenueError) -> [Candle] {
        let granularities: [Int64: String] = [
            60: "ONE_MINUTE", 300: "FIVE_MINUTE", 900: "FIFTEEN_MINUTE", 1_800: "THIRTY_MINUTE", 3_600: "ONE_HOUR",
            7_200: "TWO_HOUR", 21_600: "SIX_HOUR", 86_400: "ONE_DAY",
        ]
        let seconds = interval.components.seconds
        guard let granularity = granularities[seconds] else {
            throw VenueError(.rejected, venueReason: "INVALID_ARGUMENT", message: "candles: Coinbase has no \(interval) granularity", rejection: .other)
        }
        var candles: [Candle] = []
        var start = range.lowerBound.secondsSinceEpoch
        let end = range.upperBound.secondsSinceEpoch
        while start < end {
            let pageEnd = min(end, start + seconds * 300)
            let page = try await client.get(
                "/products/\(symbol)/candles",
                query: [("start", "\(start)"), ("end", "\(pageEnd - 1)"), ("granularity", granularity)], as: WireCandleList.self)
            for wire in page.candles ?? [] {
                let candle = try CoinbaseMapping.candle(wire, symbol.description)
                if range.contains(candle.time) { candles.append(candle) }
            }
            start = pageEnd
        }
        return candles.sorted { $0.time < $1.time }
    }

    /// `GET /product_book`, up to `depth` levels a side.
    public func book(for symbol: Symbol, depth: Int) async throws(VenueError) -> BookSnapshot {
        struct Answer: Decodable { let pricebook: WirePricebook? }
        let answer = try await client.get(
            "/product_book", query: [("product_id", symbol.description), ("limit", "\(depth)")], as: Answer.self)
        guard let book = answer.pricebook else { throw CoinbaseMapping.malformed("product book of \(symbol): no pricebook") }
        func levels(_ wire: [WireLevel]?) throws(VenueError) -> [BookSnapshot.Level] {
            var levels: [BookSnapshot.Level] = []
            for level in wire ?? [] {
                guard let price = level.price?.value, let size = level.size?.value, !size.isNegative else {
                    throw CoinbaseMapping.malformed("product book of \(symbol): a level without price or size")
                }
                levels.append(.init(price: Price(price), quantity: Quantity(size)))
            }
            return levels
        }
        return try BookSnapshot(
            validatingSymbol: symbol, bids: try levels(book.bids), asks: try levels(book.asks),
            time: try CoinbaseMapping.time(book.time, "product book of \(symbol)"))
    }
}

extension CoinbaseAdapter: AccountSource {
    /// `GET /accounts`, every page.
    public func balances() async throws(VenueError) -> [Balance] {
        let accounts = try await client.pages(
            "/accounts", query: [], as: WireAccountList.self, items: { $0.accounts ?? [] }, next: { $0.hasNext == true ? $0.cursor : nil })
        var balances: [Balance] = []
        for account in accounts { if let balance = try CoinbaseMapping.balance(account) { balances.append(balance) } }
        return balances.sorted { $0.currency < $1.currency }
    }

    /// None: holdings on a spot exchange are balances.
    public func positions() async throws(VenueError) -> [VenuePosition] { [] }
}
