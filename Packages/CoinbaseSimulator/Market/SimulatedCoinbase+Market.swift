import Foundation
import TraderCore

extension SimulatedCoinbase {
    /// Coinbase's candle granularities, by name, in seconds.
    static let granularities: [String: Int64] = [
        "ONE_MINUTE": 60, "FIVE_MINUTE": 300, "FIFTEEN_MINUTE": 900, "THIRTY_MINUTE": 1_800, "ONE_HOUR": 3_600,
        "TWO_HOUR": 7_200, "FOUR_HOUR": 14_400, "SIX_HOUR": 21_600, "ONE_DAY": 86_400,
    ]

    /// The most candles one request may ask for.
    static let candleLimit: Int64 = 350

    /// `GET /products`: spot products, filtered by `product_ids`, paged by `limit` and `offset`.
    func listProducts(_ query: WireQuery) async -> WireAnswer {
        let ids = Set(query.all("product_ids"))
        if let type = query.first("product_type"), type != "SPOT", type != "UNKNOWN_PRODUCT_TYPE" {
            return .json(["products": [] as [Any], "num_products": 0, "pagination": NSNull()])
        }
        var products: [[String: Any]] = []
        for rules in (try? await venue.allProducts()) ?? [] where ids.isEmpty || ids.contains(rules.symbol.description) {
            products.append(await product(rules))
        }
        let offset = query.first("offset").flatMap { Int($0) } ?? 0
        let limit = query.first("limit").flatMap { Int($0) } ?? products.count
        let page = Array(products.dropFirst(max(0, offset)).prefix(max(0, limit)))
        return .json([
            "products": page, "num_products": page.count,
            "pagination": ["prev_cursor": "", "next_cursor": "", "has_next": false, "has_prev": false],
        ])
    }

    /// `GET /products/{id}`; Coinbase's not-found body for a product not listed.
    func product(id: String) async -> WireAnswer {
        guard let symbol = Symbol(canonical: id), let rules = try? await venue.rules(for: symbol) else {
            return .error(404, "NOT_FOUND", "ProductID \(id) could not be found")
        }
        return .json(await product(rules))
    }

    private func product(_ rules: ProductRules) async -> [String: Any] {
        let quote = try? await venue.quotes(for: [rules.symbol])[rules.symbol]
        var volume = FixedPoint.zero
        if let quote {
            let day = quote.time.advanced(bySeconds: -86_400)..<quote.time
            let bars = (try? await venue.candles(for: rules.symbol, interval: .seconds(intervalSeconds), in: day)) ?? []
            for bar in bars { volume = (try? volume.adding(bar.volume.value)) ?? volume }
        }
        return render(rules, quote: quote, volume24h: volume)
    }

    /// When a quote is shown as taken: now, on a replay running at its own pace (Coinbase stamps a
    /// book with the time it is read); its bar's close in step mode.
    func shownTime(of quote: Quote) -> Timestamp {
        guard let pace else { return quote.time }
        return max(quote.time, pace.replayTime(atWall: wallClock.now()))
    }

    /// `GET /best_bid_ask`: one level a side for each product asked (every product when none is).
    func bestBidAsk(_ query: WireQuery) async -> WireAnswer {
        var symbols = query.all("product_ids").compactMap { Symbol(canonical: $0) }
        if symbols.isEmpty { symbols = ((try? await venue.allProducts()) ?? []).map(\.symbol) }
        let quotes = (try? await venue.quotes(for: symbols)) ?? [:]
        return .json(["pricebooks": symbols.compactMap { quotes[$0].map { render(book: $0, at: shownTime(of: $0)) } }])
    }

    /// `GET /product_book?product_id=`: the pricebook with its last, mid and spread.
    func productBook(_ query: WireQuery) async -> WireAnswer {
        guard let id = query.first("product_id") else { return .invalidArgument("product_id is required") }
        guard let symbol = Symbol(canonical: id), let quote = try? await venue.quotes(for: [symbol])[symbol] else {
            return .error(404, "NOT_FOUND", "ProductID \(id) could not be found")
        }
        let mid = (try? quote.bid.value.adding(quote.ask.value)).flatMap { try? $0.divided(by: FixedPoint(2), rounding: .toNearestOrEven) } ?? quote.bid.value
        let spread = (try? quote.ask.value.subtracting(quote.bid.value)) ?? .zero
        let bps = (try? spread.multiplied(by: FixedPoint(10_000), dividedBy: mid, rounding: .toNearestOrEven)) ?? .zero
        return .json([
            "pricebook": render(book: quote, at: shownTime(of: quote)), "last": quote.bid.description, "mid_market": mid.description,
            "spread_bps": bps.description, "spread_absolute": spread.description,
        ])
    }

    /// `GET /products/{id}/ticker?limit=`: the last `limit` trades, newest first, with the best
    /// bid and ask. The replayed history has no trade tape, so the trades are the ones executed at
    /// this exchange, the simulator's own fills, each with the maker's side as Coinbase gives it.
    func marketTrades(id: String, _ query: WireQuery) async -> WireAnswer {
        guard let limit = query.first("limit").flatMap({ Int($0) }), limit > 0 else { return .invalidArgument("limit is required") }
        guard let symbol = Symbol(canonical: id), (try? await venue.rules(for: symbol)) != nil else {
            return .error(404, "NOT_FOUND", "ProductID \(id) could not be found")
        }
        var trades: [(fill: Fill, side: OrderSide)] = []
        for report in await venue.allOrders() where report.symbol == symbol {
            for fill in report.fills {
                let makerSide = fill.liquidity == .maker ? report.side : (report.side == .buy ? OrderSide.sell : .buy)
                trades.append((fill, makerSide))
            }
        }
        trades.sort { ($0.fill.time, $0.fill.tradeID) > ($1.fill.time, $1.fill.tradeID) }
        let quote = try? await venue.quotes(for: [symbol])[symbol]
        return .json([
            "trades": trades.prefix(limit).map { trade in
                [
                    "trade_id": NameUUID.make(trade.fill.tradeID.rawValue, in: namespace), "product_id": id,
                    "price": trade.fill.price.description, "size": trade.fill.quantity.description,
                    "time": timeline.wall(trade.fill.time).description, "side": trade.side.rawValue, "bid": "", "ask": "",
                    "exchange": "coinbase",
                ]
            },
            "best_bid": quote?.bid.description ?? "", "best_ask": quote?.ask.description ?? "",
        ])
    }

    /// `GET /products/{id}/candles?start=&end=&granularity=`: closed bars starting in
    /// `[start, end]` (unix seconds, wall clock), newest first; a granularity coarser than the
    /// replay's is built from its bars, a finer one is refused.
    func candles(id: String, _ query: WireQuery) async -> WireAnswer {
        guard let symbol = Symbol(canonical: id), (try? await venue.rules(for: symbol)) != nil else {
            return .error(404, "NOT_FOUND", "ProductID \(id) could not be found")
        }
        guard let name = query.first("granularity"), let granularity = Self.granularities[name] else {
            return .invalidArgument("granularity argument is invalid")
        }
        guard let start = query.first("start").flatMap({ Int64($0) }), let end = query.first("end").flatMap({ Int64($0) }), start <= end else {
            return .invalidArgument("start and end argument is invalid")
        }
        guard (end - start) / granularity + 1 <= Self.candleLimit else {
            return .invalidArgument("start and end argument is invalid - number of candles requested should be less than \(Self.candleLimit)")
        }
        guard granularity % intervalSeconds == 0 else {
            return .invalidArgument("granularity argument is invalid: the replay's bars are \(intervalSeconds) s")
        }
        let from = timeline.replay(Timestamp(secondsSinceEpoch: start - start % granularity))
        let to = timeline.replay(Timestamp(secondsSinceEpoch: end + granularity))
        let bars = (try? await venue.candles(for: symbol, interval: .seconds(intervalSeconds), in: from..<to)) ?? []
        var buckets: [Candle] = []
        for bar in bars {
            let wall = timeline.wall(bar.time).secondsSinceEpoch
            let bucket = Timestamp(secondsSinceEpoch: wall - wall % granularity)
            if let last = buckets.last, last.time == bucket {
                buckets[buckets.count - 1] = Candle(
                    time: bucket, open: last.open, high: max(last.high, bar.high), low: min(last.low, bar.low), close: bar.close,
                    volume: (try? last.volume.adding(bar.volume)) ?? last.volume)
            } else {
                buckets.append(Candle(time: bucket, open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume))
            }
        }
        let shown = buckets.filter { (start...end).contains($0.time.secondsSinceEpoch) }.reversed().map {
            [
                "start": "\($0.time.secondsSinceEpoch)", "low": $0.low.description, "high": $0.high.description,
                "open": $0.open.description, "close": $0.close.description, "volume": $0.volume.description,
            ]
        }
        return .json(["candles": shown])
    }

    /// The currencies with an account: every product's base and quote, and any balance held.
    private func accountBalances() async -> [Balance] {
        var byCurrency: [Currency: Balance] = [:]
        for rules in (try? await venue.allProducts()) ?? [] {
            for code in [rules.symbol.base, rules.symbol.quote] {
                byCurrency[Currency(code: code)] = Balance(currency: Currency(code: code), available: .zero, hold: .zero)
            }
        }
        for balance in (try? await venue.balances()) ?? [] { byCurrency[balance.currency] = balance }
        return byCurrency.keys.sorted().compactMap { byCurrency[$0] }
    }

    /// `GET /accounts`: one account a currency, paged by `limit` (at most 250) and `cursor`.
    func listAccounts(_ query: WireQuery) async -> WireAnswer {
        guard let (offset, limit) = Self.page(query, defaultLimit: 49, maxLimit: 250) else { return .invalidArgument("limit or cursor is invalid") }
        let accounts = await accountBalances()
        let page = accounts.dropFirst(offset).prefix(limit)
        let hasNext = offset + page.count < accounts.count
        return .json([
            "accounts": page.map { render($0) }, "has_next": hasNext, "cursor": hasNext ? "\(offset + page.count)" : "", "size": page.count,
        ])
    }

    /// `GET /accounts/{uuid}`.
    func account(id: String) async -> WireAnswer {
        guard let balance = await accountBalances().first(where: { NameUUID.make("account/\($0.currency.code)", in: namespace) == id }) else {
            return .error(404, "NOT_FOUND", "account \(id) could not be found")
        }
        return .json(["account": render(balance)])
    }

    /// `GET /transaction_summary`: the fee tier, and the volume and fees of every fill.
    func transactionSummary() async -> WireAnswer {
        var volume = FixedPoint.zero
        var paid = FixedPoint.zero
        for report in await venue.allOrders() {
            for fill in report.fills {
                volume = (try? volume.adding((try? fill.price.notional(of: fill.quantity, rounding: .toNearestOrEven)) ?? .zero)) ?? volume
                paid = (try? paid.adding(fill.fee.amount)) ?? paid
            }
        }
        return .json([
            "total_volume": JSONNumber(text: volume.description), "total_fees": JSONNumber(text: paid.description),
            "fee_tier": [
                "pricing_tier": "", "usd_from": "0", "usd_to": "10000", "taker_fee_rate": fees.taker.description,
                "maker_fee_rate": fees.maker.description,
            ],
            "margin_rate": NSNull(), "goods_and_services_tax": NSNull(), "advanced_trade_only_volume": JSONNumber(text: volume.description),
            "advanced_trade_only_fees": JSONNumber(text: paid.description), "coinbase_pro_volume": 0, "coinbase_pro_fees": 0,
            "total_balance": "", "has_promo_fee": false,
        ])
    }
}
