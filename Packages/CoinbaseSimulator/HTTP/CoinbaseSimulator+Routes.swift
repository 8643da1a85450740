import Foundation
import Hummingbird
import TraderCore

extension CoinbaseSimulator {
    /// The REST API's prefix.
    static let prefix = "/api/v3/brokerage"

    /// The routes: Coinbase's endpoints, private ones behind the JWT check, and the control endpoints.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let exchange = self.exchange
        func privateGET(_ path: String, _ work: @escaping @Sendable (Request, BasicRequestContext, WireQuery) async -> WireAnswer) {
            router.get(RouterPath(Self.prefix + path)) { request, context in
                try await serve(request, endpoint: "GET " + path, class: .private) { query, _ in await work(request, context, query) }
            }
        }
        func publicGET(_ path: String, _ work: @escaping @Sendable (Request, BasicRequestContext, WireQuery) async -> WireAnswer) {
            router.get(RouterPath(Self.prefix + path)) { request, context in
                try await serve(request, endpoint: "GET " + path, class: .public) { query, _ in await work(request, context, query) }
            }
        }
        func privatePOST(_ path: String, _ work: @escaping @Sendable ([UInt8]) async -> WireAnswer) {
            router.post(RouterPath(Self.prefix + path)) { request, _ in
                try await serve(request, endpoint: "POST " + path, class: .private) { _, body in await work(body) }
            }
        }

        publicGET("/time") { _, _, _ in exchange.serverTime(now: wallClock.now()) }
        privateGET("/accounts") { _, _, query in await exchange.listAccounts(query) }
        privateGET("/accounts/{account_uuid}") { _, context, _ in await exchange.account(id: Self.parameter(context, "account_uuid")) }
        for (path, endpointClass) in [("", RequestLedger.EndpointClass.private), ("/market", .public)] {
            let get = endpointClass == .private ? privateGET : publicGET
            get(path + "/products") { _, _, query in await exchange.listProducts(query) }
            get(path + "/products/{product_id}") { _, context, _ in await exchange.product(id: Self.parameter(context, "product_id")) }
            get(path + "/products/{product_id}/candles") { _, context, query in await exchange.candles(id: Self.parameter(context, "product_id"), query) }
            get(path + "/product_book") { _, _, query in await exchange.productBook(query) }
            get(path + "/products/{product_id}/ticker") { _, context, query in await exchange.marketTrades(id: Self.parameter(context, "product_id"), query) }
        }
        privateGET("/best_bid_ask") { _, _, query in await exchange.bestBidAsk(query) }
        privateGET("/transaction_summary") { _, _, _ in await exchange.transactionSummary() }
        privatePOST("/orders") { [wallClock] body in await exchange.createOrder(body: body, at: wallClock.now()) }
        privatePOST("/orders/preview") { body in await exchange.previewOrder(body: body) }
        privatePOST("/orders/batch_cancel") { body in await exchange.cancelOrders(body: body) }
        privateGET("/orders/historical/batch") { _, _, query in await exchange.listOrders(query) }
        privateGET("/orders/historical/fills") { _, _, query in await exchange.listFills(query) }
        privateGET("/orders/historical/{order_id}") { _, context, _ in await exchange.order(id: Self.parameter(context, "order_id")) }
        addControlRoutes(to: router)
        return router
    }

    /// A path parameter's value (empty when absent).
    static func parameter(_ context: BasicRequestContext, _ name: String) -> String { context.parameters.get(name) ?? "" }

    /// Serves one API request: counts it and applies the rate limit, checks the token of a private
    /// one, applies a matching fault before or after the work, and answers.
    func serve(
        _ request: Request, endpoint: String, class endpointClass: RequestLedger.EndpointClass,
        work: @Sendable (WireQuery, [UInt8]) async -> WireAnswer
    ) async throws -> Response {
        var request = request
        let method = request.method.rawValue
        let path = request.uri.path
        let fault = faults.take(method: method, path: path)
        if let fault, fault.kind == .latency { try await Task.sleep(for: .milliseconds(fault.latencyMilliseconds)) }
        let now = wallClock.now()
        let budget = ledger.admit(endpoint, class: endpointClass, now: Double(now.nanosecondsSinceEpoch) / 1e9)
        if !budget.admitted || fault?.kind == .rateLimit {
            return Self.response(.json(["errors": [["id": "rate_limit_exceeded", "message": "Too many requests"]]], status: 429))
        }
        if endpointClass == .private {
            do {
                try verifier.verify(
                    authorization: request.headers[.authorization], method: method, authority: request.head.authority ?? "",
                    path: path, now: now.secondsSinceEpoch)
            } catch {
                ledger.refusedToken()
                logger.info("token refused", metadata: ["endpoint": "\(endpoint)", "why": "\(error)"])
                return Self.response(.text("Unauthorized", status: 401))
            }
        }
        let body = method == "POST" ? Array(buffer: try await request.collectBody(upTo: Self.maxBodyBytes)) : []
        let query = WireQuery(request.uri.queryParameters.map { (String($0.key), String($0.value)) })
        if let fault, !fault.afterArrival, let faulted = try await Self.apply(fault, to: nil) { return faulted }
        let answer = await work(query, body)
        if let fault, fault.afterArrival, let faulted = try await Self.apply(fault, to: answer) { return faulted }
        var response = Self.response(answer)
        if endpointClass == .private, budget.limit.isFinite {
            response.headers[.init("x-ratelimit-limit")!] = "\(Int(budget.limit))"
            response.headers[.init("x-ratelimit-remaining")!] = "\(budget.remaining)"
            response.headers[.init("x-ratelimit-reset")!] = "\(now.secondsSinceEpoch + 1)"
        }
        return response
    }

    /// The answer a fault gives instead of `answer` (`nil` when it does not replace one: latency).
    static func apply(_ fault: Fault, to answer: WireAnswer?) async throws -> Response? {
        switch fault.kind {
        case .latency, .rateLimit:
            return nil
        case .status:
            return response(.error(fault.status, fault.status >= 500 ? "INTERNAL" : "INVALID_ARGUMENT", "simulated fault: HTTP \(fault.status)"))
        case .malformed:
            let truncated = answer.map { Array($0.body.prefix($0.body.count / 2)) } ?? Array("{\"success\": tru".utf8)
            return response(WireAnswer(status: 200, body: truncated, contentType: "application/json"))
        case .drop:
            return droppedConnection()
        case .hang:
            try await Task.sleep(for: .milliseconds(fault.hangMilliseconds))
            return droppedConnection()
        }
    }

    /// A response whose body fails before a byte of it is written, so the server closes the
    /// connection: the client sees it reset, with no answer.
    static func droppedConnection() -> Response {
        struct DroppedConnection: Error {}
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody { _ in throw DroppedConnection() })
    }

    /// The HTTP response of an answer.
    static func response(_ answer: WireAnswer) -> Response {
        Response(
            status: HTTPResponse.Status(code: answer.status), headers: [.contentType: answer.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}
