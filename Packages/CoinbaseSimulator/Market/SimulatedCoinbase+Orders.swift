import Foundation
import TraderCore

extension SimulatedCoinbase {
    /// A create-order refusal: Coinbase's reason, its preview reason and its message.
    struct Refusal: Error {
        let reason: String
        let preview: String
        let message: String

        init(_ reason: String, preview: String? = nil, _ message: String) {
            self.reason = reason
            self.preview = preview ?? Self.previewReasons[reason] ?? (reason.hasPrefix("PREVIEW_") ? reason : "UNKNOWN_PREVIEW_FAILURE_REASON")
            self.message = message
        }

        /// The refusal of the exchange's `error`, with Coinbase's message for its reason when one is known.
        init(_ error: VenueError) {
            let reason = error.venueReason ?? "UNKNOWN_FAILURE_REASON"
            self.init(reason, Self.messages[reason] ?? error.message)
        }

        /// A refusal known only by its preview reason (sizes and amounts checked before the order).
        static func preview(_ reason: String, _ message: String) -> Refusal {
            Refusal("UNKNOWN_FAILURE_REASON", preview: reason, message)
        }

        /// The preview reason Coinbase sends beside an order-failure reason.
        static let previewReasons = [
            "INSUFFICIENT_FUND": "PREVIEW_INSUFFICIENT_FUND", "INVALID_LIMIT_PRICE_POST_ONLY": "PREVIEW_INVALID_LIMIT_PRICE_POST_ONLY",
            "INVALID_SIZE_PRECISION": "PREVIEW_INVALID_SIZE_PRECISION", "INVALID_PRICE_PRECISION": "PREVIEW_INVALID_PRICE_PRECISION",
            "INVALID_PRODUCT_ID": "PREVIEW_INVALID_PRODUCT_ID", "INVALID_SIDE": "PREVIEW_INVALID_SIDE",
            "UNSUPPORTED_ORDER_CONFIGURATION": "PREVIEW_INVALID_ORDER_CONFIG", "ORDER_ENTRY_DISABLED": "PREVIEW_TRADING_DISABLED",
        ]

        /// The messages Coinbase is seen to send (fixtures); others say what failed.
        static let messages = [
            "INSUFFICIENT_FUND": "Insufficient balance in source account",
            "INVALID_LIMIT_PRICE_POST_ONLY": "Invalid limit price for post only order",
        ]
    }

    /// `POST /orders` arriving at wall time `now`. A client order id the simulator has returns that
    /// order (Coinbase's documented idempotency); a refusal is HTTP 200 with `success: false`.
    ///
    /// The order's creation time is `now`, or the replay's time when the replay runs ahead of the
    /// wall clock (`--speed`, `--step`), so it is never before the wall clock a client compares
    /// with (`GET /time`) nor before the market it trades on.
    func createOrder(body: [UInt8], at now: Timestamp) async -> WireAnswer {
        guard let request = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return .invalidArgument("the body is not a JSON object")
        }
        guard let clientID = request["client_order_id"] as? String, !clientID.isEmpty else {
            return .invalidArgument("client_order_id is required")
        }
        let configurationBody = request["order_configuration"] as? [String: Any]
        if let known = records[ClientOrderID(clientID)] {
            resubmissions += 1
            return success(known)
        }
        do {
            let (order, configuration) = try await parse(request, clientID: clientID)
            do {
                let acknowledgement = try await venue.place(order)
                guard case .accepted(let venueID) = acknowledgement else {
                    return failure(Refusal("UNKNOWN_FAILURE_REASON", "the exchange did not accept the order"), configurationBody)
                }
                let record = OrderRecord(
                    order: order, orderID: NameUUID.make(venueID.rawValue, in: namespace), configuration: configuration,
                    created: max(now, timeline.wall(venue.clock.now())))
                records[order.clientOrderID] = record
                clientIDs[record.orderID] = order.clientOrderID
                return success(record)
            } catch {
                return failure(Refusal(error), configurationBody)
            }
        } catch {
            return failure(error, configurationBody)
        }
    }

    private func success(_ record: OrderRecord) -> WireAnswer {
        .json([
            "success": true, "failure_reason": "UNKNOWN_FAILURE_REASON", "order_id": record.orderID,
            "success_response": [
                "order_id": record.orderID, "product_id": record.order.symbol.description, "side": record.order.side.rawValue,
                "client_order_id": record.order.clientOrderID.rawValue,
            ],
            "order_configuration": record.configuration.wire,
        ])
    }

    private func failure(_ refusal: Refusal, _ configuration: [String: Any]?) -> WireAnswer {
        .json([
            "success": false, "failure_reason": "UNKNOWN_FAILURE_REASON", "order_id": "",
            "error_response": [
                "error": refusal.reason, "message": refusal.message, "error_details": "", "preview_failure_reason": refusal.preview,
                "new_order_failure_reason": refusal.reason,
            ],
            "order_configuration": configuration.map { $0 as Any } ?? NSNull(),
        ])
    }

    /// The order a create-order body describes, checked as Coinbase checks it before the exchange does.
    func parse(_ request: [String: Any], clientID: String) async throws(Refusal) -> (Order, OrderConfiguration) {
        guard let productID = request["product_id"] as? String, let symbol = Symbol(canonical: productID),
            let rules = try? await venue.rules(for: symbol)
        else { throw Refusal("INVALID_PRODUCT_ID", "product \(request["product_id"] ?? "none") is not listed") }
        guard let sideText = request["side"] as? String, let side = OrderSide(rawValue: sideText) else {
            throw Refusal("INVALID_SIDE", "side must be BUY or SELL")
        }
        guard let variants = request["order_configuration"] as? [String: Any], variants.count == 1, let (name, value) = variants.first,
            let fields = value as? [String: Any]
        else { throw Refusal("UNSUPPORTED_ORDER_CONFIGURATION", "order_configuration must hold exactly one configuration") }
        let configuration = try Self.configuration(name, fields)
        let quote = try? await venue.quotes(for: [symbol])[symbol]
        let kind: Order.Kind
        let quantity: Quantity
        var timeInForce = Order.TimeInForce.goodTillCancelled
        switch configuration {
        case .marketIOC(let base, let quoteSize):
            kind = .market
            timeInForce = .immediateOrCancel
            if let base {
                quantity = try Self.size(base)
            } else {
                quantity = try Self.baseSize(ofQuote: quoteSize ?? "", side: side, quote: quote, rules: rules)
            }
        case .limitGTC(let base, let price, let postOnly):
            kind = .limit(price: try Self.price(price), postOnly: postOnly)
            quantity = try Self.size(base)
        case .limitGTD(let base, let price, let end, let postOnly):
            kind = .limit(price: try Self.price(price), postOnly: postOnly)
            quantity = try Self.size(base)
            guard let endTime = Timestamp(end) else { throw Refusal.preview("PREVIEW_INVALID_END_TIME", "end_time \(end) is not an RFC 3339 time") }
            let endReplay = timeline.replay(endTime)
            guard endReplay > venue.clock.now() else {
                throw Refusal("END_TIME_IS_IN_THE_PAST", preview: "PREVIEW_END_TIME_IS_IN_THE_PAST", "end_time \(end) is in the past")
            }
            timeInForce = .goodTillDate(endReplay)
        case .sorLimitIOC(let base, let price):
            kind = .limit(price: try Self.price(price), postOnly: false)
            quantity = try Self.size(base)
            timeInForce = .immediateOrCancel
        }
        try Self.checkNotional(kind: kind, quantity: quantity, quote: quote, rules: rules)
        return (Order(clientOrderID: ClientOrderID(clientID), symbol: symbol, side: side, kind: kind, quantity: quantity, timeInForce: timeInForce), configuration)
    }

    /// A configuration from its name and fields; stops, brackets and fill-or-kill are not traded on spot here.
    private static func configuration(_ name: String, _ fields: [String: Any]) throws(Refusal) -> OrderConfiguration {
        func text(_ key: String) -> String? { fields[key] as? String }
        func required(_ key: String) throws(Refusal) -> String {
            guard let value = text(key), !value.isEmpty else {
                throw Refusal("INVALID_REQUEST", preview: "PREVIEW_INVALID_ORDER_CONFIG", "\(name) needs \(key)")
            }
            return value
        }
        let postOnly = fields["post_only"] as? Bool ?? false
        switch name {
        case "market_market_ioc":
            let base = text("base_size").flatMap { $0.isEmpty ? nil : $0 }
            let quote = text("quote_size").flatMap { $0.isEmpty ? nil : $0 }
            guard (base == nil) != (quote == nil) else {
                throw Refusal("INVALID_REQUEST", preview: "PREVIEW_INVALID_ORDER_CONFIG", "market_market_ioc needs base_size or quote_size")
            }
            return .marketIOC(baseSize: base, quoteSize: quote)
        case "limit_limit_gtc":
            return .limitGTC(baseSize: try required("base_size"), limitPrice: try required("limit_price"), postOnly: postOnly)
        case "limit_limit_gtd":
            return .limitGTD(
                baseSize: try required("base_size"), limitPrice: try required("limit_price"), endTime: try required("end_time"), postOnly: postOnly)
        case "sor_limit_ioc":
            return .sorLimitIOC(baseSize: try required("base_size"), limitPrice: try required("limit_price"))
        default:
            throw Refusal("UNSUPPORTED_ORDER_CONFIGURATION", "\(name) is not supported on this product")
        }
    }

    private static func size(_ text: String) throws(Refusal) -> Quantity {
        guard let value = FixedPoint(text) else { throw Refusal.preview("PREVIEW_NON_NUMERIC_ORDER_SIZE", "size \(text) is not a number") }
        guard value.raw > 0 else { throw Refusal.preview("PREVIEW_INVALID_BASE_SIZE_TOO_SMALL", "size \(text) is not above zero") }
        return Quantity(value)
    }

    private static func price(_ text: String) throws(Refusal) -> Price {
        guard let value = FixedPoint(text), value.raw > 0 else { throw Refusal("INVALID_LIMIT_PRICE", "limit price \(text) is not a positive number") }
        return Price(value)
    }

    /// The base size a quote-sized market order buys (at the ask) or sells (at the bid), rounded
    /// down to the base increment.
    private static func baseSize(ofQuote text: String, side: OrderSide, quote: Quote?, rules: ProductRules) throws(Refusal) -> Quantity {
        guard let amount = FixedPoint(text) else { throw Refusal.preview("PREVIEW_NON_NUMERIC_ORDER_SIZE", "quote_size \(text) is not a number") }
        guard amount.raw > 0, amount >= rules.minNotional else {
            throw Refusal.preview("PREVIEW_INVALID_QUOTE_SIZE_TOO_SMALL", "quote_size \(text) is below \(rules.minNotional)")
        }
        guard let quote else { throw Refusal.preview("PREVIEW_MISSING_PRODUCT_PRICE_BOOK", "no price for \(rules.symbol) yet") }
        let price = side == .buy ? quote.ask : quote.bid
        guard let base = try? amount.divided(by: price.value, rounding: .down), let size = try? Quantity(base).rounded(toIncrement: rules.baseIncrement, .down),
            size.value.raw > 0
        else { throw Refusal.preview("PREVIEW_INVALID_BASE_SIZE_TOO_SMALL", "quote_size \(text) buys less than \(rules.baseIncrement)") }
        return size
    }

    /// Refuses an order whose notional (at its limit, or a market order at the quote) is below `quote_min_size`.
    private static func checkNotional(kind: Order.Kind, quantity: Quantity, quote: Quote?, rules: ProductRules) throws(Refusal) {
        let price: Price? = if case .limit(let limit, _) = kind { limit } else { quote?.ask }
        guard let price, let notional = try? price.notional(of: quantity, rounding: .down) else { return }
        guard notional >= rules.minNotional else {
            throw Refusal.preview("PREVIEW_INVALID_QUOTE_SIZE_TOO_SMALL", "notional \(notional) is below \(rules.minNotional)")
        }
    }

    /// `POST /orders/batch_cancel`: one result per id, at most 100 ids.
    func cancelOrders(body: [UInt8]) async -> WireAnswer {
        guard let request = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], let ids = request["order_ids"] as? [String] else {
            return .invalidArgument("order_ids is required")
        }
        guard ids.count <= 100 else { return .invalidArgument("Too many orderIDs entered, limit is 100") }
        var results: [[String: Any]] = []
        for id in ids {
            var reason = "UNKNOWN_CANCEL_FAILURE_REASON"
            if let clientID = clientIDs[id] {
                do {
                    try await venue.cancel(OrderReference(clientID))
                } catch {
                    let status = try? await venue.order(OrderReference(clientID))?.status
                    reason = switch status {
                    case .filled: "ORDER_IS_FULLY_FILLED"
                    case .cancelled: "DUPLICATE_CANCEL_REQUEST"
                    default: "UNKNOWN_CANCEL_ORDER"
                    }
                }
            } else {
                reason = "UNKNOWN_CANCEL_ORDER"
            }
            results.append(["success": reason == "UNKNOWN_CANCEL_FAILURE_REASON", "failure_reason": reason, "order_id": id])
        }
        return .json(["results": results])
    }

    /// `GET /orders/historical/{order_id}`; Coinbase's not-found body for an id it does not know.
    func order(id: String) async -> WireAnswer {
        guard let clientID = clientIDs[id], let record = records[clientID], let report = try? await venue.order(OrderReference(clientID)) else {
            return .error(404, "unknown", "order with this orderID was not found")
        }
        return .json(["order": render(record, report)])
    }

    /// `GET /orders/historical/batch`: newest first, filtered by ids, products, statuses, side and
    /// creation time, paged by `limit` (at most 1,000) and `cursor`.
    func listOrders(_ query: WireQuery) async -> WireAnswer {
        guard let (offset, limit) = Self.page(query, defaultLimit: 100, maxLimit: 1_000) else { return .invalidArgument("limit or cursor is invalid") }
        let ids = Set(query.all("order_ids")), products = Set(query.all("product_ids")), statuses = Set(query.all("order_status"))
        let from = query.first("start_date").flatMap(Timestamp.init), to = query.first("end_date").flatMap(Timestamp.init)
        var rows: [(OrderRecord, VenueOrderReport)] = []
        for report in await venue.allOrders() {
            guard let record = records[report.clientOrderID] else { continue }
            if !ids.isEmpty && !ids.contains(record.orderID) { continue }
            if !products.isEmpty && !products.contains(report.symbol.description) { continue }
            if !statuses.isEmpty && !statuses.contains(Self.status(report.status)) { continue }
            if let side = query.first("order_side"), side != report.side.rawValue { continue }
            if let from, record.created < from { continue }
            if let to, record.created > to { continue }
            rows.append((record, report))
        }
        rows.sort { ($0.0.created, $0.0.orderID) > ($1.0.created, $1.0.orderID) }
        let page = rows.dropFirst(offset).prefix(limit)
        let hasNext = offset + page.count < rows.count
        return .json([
            "orders": page.map { render($0.0, $0.1) }, "sequence": "0", "has_next": hasNext,
            "cursor": hasNext ? "\(offset + page.count)" : "",
        ])
    }

    /// `GET /orders/historical/fills`: newest first, filtered by order ids, products and sequence
    /// time, paged by `limit` and `cursor` (no `has_next`: the last page's cursor is empty).
    func listFills(_ query: WireQuery) async -> WireAnswer {
        guard let (offset, limit) = Self.page(query, defaultLimit: 100, maxLimit: 1_000) else { return .invalidArgument("limit or cursor is invalid") }
        let ids = Set(query.all("order_ids")), products = Set(query.all("product_ids"))
        let from = query.first("start_sequence_timestamp").flatMap(Timestamp.init)
        let to = query.first("end_sequence_timestamp").flatMap(Timestamp.init)
        var rows: [[String: Any]] = []
        var keys: [(Timestamp, String)] = []
        for report in await venue.allOrders() {
            guard let record = records[report.clientOrderID] else { continue }
            if !ids.isEmpty && !ids.contains(record.orderID) { continue }
            if !products.isEmpty && !products.contains(report.symbol.description) { continue }
            for fill in report.fills {
                let time = timeline.wall(fill.time)
                if let from, time < from { continue }
                if let to, time > to { continue }
                rows.append(render(fill, of: record))
                keys.append((time, fill.tradeID.rawValue))
            }
        }
        let order = keys.indices.sorted { (keys[$0].0, keys[$0].1) > (keys[$1].0, keys[$1].1) }
        let page = order.dropFirst(offset).prefix(limit).map { rows[$0] }
        let more = offset + page.count < rows.count
        return .json(["fills": page, "cursor": more ? "\(offset + page.count)" : ""])
    }

    /// The offset and size of the page a query asks for; `nil` for a limit or cursor that is not a number.
    static func page(_ query: WireQuery, defaultLimit: Int, maxLimit: Int) -> (offset: Int, limit: Int)? {
        let limit = query.first("limit").map { Int($0) } ?? defaultLimit
        let offset = query.first("cursor").map { Int($0) } ?? 0
        guard let limit, let offset, limit > 0, offset >= 0 else { return nil }
        return (offset, min(limit, maxLimit))
    }
}
