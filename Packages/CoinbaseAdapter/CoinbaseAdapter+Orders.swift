import Foundation
import TraderCore

extension CoinbaseAdapter: OrderGateway {
    /// `POST /orders`: a market order as `market_market_ioc` by base size, a limit as
    /// `limit_limit_gtc` (post-only or not), `limit_limit_gtd` with its end time, or
    /// `sor_limit_ioc`. Never repeated once sent: an unknown outcome is a `timeout` for a lookup.
    ///
    /// A refusal for a product rule (status, sizes, increments) makes ``currentRules(for:)`` read
    /// that product's rules again.
    ///
    /// - Throws: ``VenueError``: `rejected` with Coinbase's reason and its kind; `rejected`
    ///   (`unsupported_order`) before anything is sent for an option, a DAY order or an IOC market
    ///   order; `timeout` or `unavailable` when the order may exist.
    public func place(_ order: Order) async throws(VenueError) -> PlaceAcknowledgement {
        let configuration = try Self.orderConfiguration(order)
        let body: [String: Any] = [
            "client_order_id": order.clientOrderID.rawValue, "product_id": order.symbol.description, "side": order.side.rawValue,
            "order_configuration": configuration,
        ]
        let answer = try await client.post("/orders", body: body, repeatable: false, as: WireCreateOrderResponse.self)
        guard answer.success == true else {
            let error = CoinbaseErrorMap.orderFailure(answer.errorResponse, failureReason: answer.failureReason, what: "place \(order.clientOrderID)")
            if let kind = error.rejection, [.productUnavailable, .invalidSize, .invalidPrice].contains(kind) {
                await productCache.forget(order.symbol)
            }
            throw error
        }
        guard let id = answer.successResponse?.orderID ?? answer.orderID, !id.isEmpty else {
            throw CoinbaseMapping.malformed("place \(order.clientOrderID): success without an order id")
        }
        return .accepted(VenueOrderID(id))
    }

    /// The `order_configuration` of `order`.
    static func orderConfiguration(_ order: Order) throws(VenueError) -> [String: Any] {
        func unsupported(_ why: String) -> VenueError {
            VenueError(.rejected, venueReason: "UNSUPPORTED_ORDER_CONFIGURATION", message: "place \(order.clientOrderID): \(why)", rejection: .unsupportedOrder)
        }
        guard case .spot = order.instrument else { throw unsupported("Coinbase spot trades no options") }
        let size = order.quantity.description
        switch (order.kind, order.timeInForce) {
        case (.market, .goodTillCancelled), (.market, .immediateOrCancel):
            return ["market_market_ioc": ["base_size": size]]
        case (.limit(let price, let postOnly), .goodTillCancelled):
            return ["limit_limit_gtc": ["base_size": size, "limit_price": price.description, "post_only": postOnly]]
        case (.limit(let price, let postOnly), .goodTillDate(let end)):
            return ["limit_limit_gtd": ["base_size": size, "limit_price": price.description, "end_time": end.description, "post_only": postOnly]]
        case (.limit(let price, false), .immediateOrCancel):
            return ["sor_limit_ioc": ["base_size": size, "limit_price": price.description]]
        case (.limit(_, true), .immediateOrCancel):
            throw unsupported("a post-only order cannot be immediate-or-cancel")
        case (_, .day):
            throw unsupported("Coinbase has no DAY orders; use GTD with the session's end")
        case (.market, .goodTillDate):
            throw unsupported("a market order has no end time")
        case (.stop, _):
            // Coinbase's stops are stop-limits (`stop_limit_stop_limit_gtc`); a stop that becomes a
            // market order, as the engine asks, is not offered.
            throw unsupported("Coinbase has no stop market orders")
        }
    }

    /// `POST /orders/batch_cancel` with the venue's id (looked up by client order id when the
    /// reference lacks it); safe to repeat.
    ///
    /// - Throws: ``VenueError`` `not_found` for an order Coinbase does not know, `rejected` with
    ///   Coinbase's reason (`UNKNOWN_CANCEL_ORDER`, `ORDER_IS_FULLY_FILLED`, ...) when it is done.
    public func cancel(_ reference: OrderReference) async throws(VenueError) {
        struct Answer: Decodable {
            struct Result: Decodable {
                let success: Bool?
                let failureReason: String?
                enum CodingKeys: String, CodingKey {
                    case success
                    case failureReason = "failure_reason"
                }
            }
            let results: [Result]?
        }
        var venueID = reference.venueOrderID
        if venueID == nil { venueID = try await order(reference)?.venueOrderID }
        guard let venueID else { throw VenueError(.notFound, message: "cancel \(reference): Coinbase has no such order") }
        let answer = try await client.post(
            "/orders/batch_cancel", body: ["order_ids": [venueID.rawValue]], repeatable: true, as: Answer.self)
        guard let result = answer.results?.first else { throw CoinbaseMapping.malformed("cancel \(reference): no result") }
        guard result.success == true else {
            throw VenueError(.rejected, venueReason: result.failureReason, message: "cancel \(reference): refused", rejection: .other)
        }
    }

    /// The order with its fills: by the venue's id when known, else found by client order id
    /// among the orders listed (newest first, every page); `nil` when Coinbase never received it.
    public func order(_ reference: OrderReference) async throws(VenueError) -> VenueOrderReport? {
        let wire: WireOrder
        if let venueID = reference.venueOrderID {
            do {
                guard let found = try await client.get("/orders/historical/\(venueID.rawValue)", as: WireOrderAnswer.self).order else {
                    return nil
                }
                wire = found
            } catch where error.code == .notFound {
                return nil
            }
        } else {
            guard let found = try await listOrders([]).first(where: { $0.clientOrderID == reference.clientOrderID.rawValue }) else {
                return nil
            }
            wire = found
        }
        return try await report(wire, clientOrderID: reference.clientOrderID)
    }

    /// Every order still working: open, pending, queued, or with a cancel queued, each with its fills.
    public func openOrders() async throws(VenueError) -> [VenueOrderReport] {
        let statuses = Self.workingStatuses.map { ("order_status", $0) }
        var reports: [VenueOrderReport] = []
        for wire in try await listOrders(statuses) {
            reports.append(try await report(wire, clientOrderID: ClientOrderID(wire.clientOrderID ?? wire.orderID ?? "")))
        }
        return reports.sorted { $0.clientOrderID < $1.clientOrderID }
    }

    /// Fills from `time` on, oldest first, each with the client order id of its order.
    public func fills(since time: Timestamp) async throws(VenueError) -> [VenueFillReport] {
        var reports: [VenueFillReport] = []
        var clientIDs: [String: ClientOrderID] = [:]
        for wire in try await listFills([("start_sequence_timestamp", time.description)]) {
            guard let report = try CoinbaseMapping.fill(wire) else { continue }
            let venueID = report.clientOrderID.rawValue  // the mapping names the venue's order id
            if clientIDs[venueID] == nil {
                let order = try await client.get("/orders/historical/\(venueID)", as: WireOrderAnswer.self).order
                clientIDs[venueID] = ClientOrderID(order?.clientOrderID ?? venueID)
            }
            reports.append(
                VenueFillReport(clientOrderID: clientIDs[venueID] ?? report.clientOrderID, symbol: report.symbol, side: report.side, fill: report.fill))
        }
        return reports.sorted { ($0.fill.time, $0.fill.tradeID) < ($1.fill.time, $1.fill.tradeID) }
    }

    /// What happens to orders from now on, found by polling REST every
    /// ``CoinbaseConfiguration/eventPollInterval`` (see ``CoinbaseOrderPoller``): each order that
    /// is new or changed arrives as a status report with its fills. The stream polls only while
    /// it is iterated, and stops when its consumer does.
    public func events() -> AsyncStream<VenueUpdate> {
        let poller = CoinbaseOrderPoller(adapter: self, clock: clock, logger: logger)
        return AsyncStream(unfolding: { await poller.next() })
    }

    /// Coinbase's statuses of an order still working.
    static let workingStatuses = ["OPEN", "PENDING", "QUEUED", "CANCEL_QUEUED"]

    func report(_ wire: WireOrder, clientOrderID: ClientOrderID) async throws(VenueError) -> VenueOrderReport {
        var fills: [Fill] = []
        if let id = wire.orderID, (wire.filledSize?.value?.raw ?? 0) > 0 {
            for wire in try await listFills([("order_ids", id)]) {
                if let report = try CoinbaseMapping.fill(wire) { fills.append(report.fill) }
            }
            fills.sort { ($0.time, $0.tradeID) < ($1.time, $1.tradeID) }
        }
        return try CoinbaseMapping.report(wire, fills: fills, clientOrderID: clientOrderID)
    }

    func listOrders(_ filter: [(String, String)]) async throws(VenueError) -> [WireOrder] {
        try await client.pages(
            "/orders/historical/batch", query: filter, as: WireOrderList.self, items: { $0.orders ?? [] },
            next: { $0.hasNext == true ? $0.cursor : nil })
    }

    private func listFills(_ filter: [(String, String)]) async throws(VenueError) -> [WireFill] {
        // A fills page says no has_next: the last one is empty or has no cursor.
        try await client.pages(
            "/orders/historical/fills", query: filter, as: WireFillList.self, items: { $0.fills ?? [] },
            next: { ($0.fills ?? []).isEmpty ? nil : $0.cursor })
    }
}
