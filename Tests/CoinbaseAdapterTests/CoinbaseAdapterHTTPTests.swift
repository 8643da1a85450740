import CoinbaseAdapter
import Crypto
import Foundation
import Testing
import TraderCore
import TraderTestKit

/// The adapter over real HTTP on 127.0.0.1, against a server that answers with the recorded
/// Coinbase bodies and checks every token as Coinbase does: reads, refusals, and the failures that
/// must never become a second order.
@Suite(.serialized) struct CoinbaseAdapterHTTPTests {
    /// A scripted Coinbase: answers by method and path (query dropped), checks each token's
    /// signature and `uri` claim, counts requests.
    final class ScriptedCoinbase: @unchecked Sendable {
        let key = P256.Signing.PrivateKey()
        private let lock = NSLock()
        private var answers: [String: [(Int, String)]] = [:]
        private var seen: [String] = []
        private var badTokens = 0
        private(set) var server: LoopbackServer!

        init() throws {
            server = try LoopbackServer { [self] connection in
                while let request = connection.readRequest() {
                    let line = request.head.split(separator: "\r\n").first.map(String.init) ?? ""
                    let parts = line.split(separator: " ")
                    let method = parts.first.map(String.init) ?? ""
                    let target = parts.count > 1 ? String(parts[1]) : ""
                    let path = String(target.split(separator: "?").first ?? "")
                    let token = request.head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("authorization: bearer ") }
                        .map { String($0.dropFirst("authorization: bearer ".count)) }
                    let (status, body) = answer(method: method, path: path, token: token)
                    connection.respond(status, headers: ["Content-Type": "application/json"], body: body)
                }
            }
        }

        var credentials: CoinbaseCredentials {
            get throws { try CoinbaseCredentials(keyName: "organizations/o/apiKeys/k", pem: key.pemRepresentation) }
        }

        func adapter(maxAttempts: Int = 3) throws -> CoinbaseAdapter {
            CoinbaseAdapter(
                configuration: CoinbaseConfiguration(
                    baseURL: "http://127.0.0.1:\(server.port)", credentials: try credentials, maxAttempts: maxAttempts,
                    baseBackoff: .milliseconds(1), maxBackoff: .milliseconds(5)))
        }

        /// Answers `method path` with `status` and the body, in turn (the last one repeats).
        func script(_ method: String, _ path: String, _ replies: [(Int, String)]) {
            lock.withLock { answers["\(method) /api/v3/brokerage\(path)"] = replies }
        }

        func fixture(_ name: String) throws -> String {
            try String(contentsOfFile: SharedData.path("fixtures/coinbase/\(name)"), encoding: .utf8)
        }

        var requests: [String] { lock.withLock { seen } }
        var refusedTokens: Int { lock.withLock { badTokens } }

        private func answer(method: String, path: String, token: String?) -> (Int, String) {
            lock.withLock {
                seen.append("\(method) \(path)")
                guard let token, verify(token, uri: "\(method) 127.0.0.1:\(server.port)\(path)") else {
                    badTokens += 1
                    return (401, "Unauthorized")
                }
                let key = "\(method) \(path)"
                guard var replies = answers[key], let first = replies.first else {
                    return (404, #"{"error":"NOT_FOUND","message":"no route"}"#)
                }
                if replies.count > 1 { replies.removeFirst() }
                answers[key] = replies
                return first
            }
        }

        private func verify(_ token: String, uri: String) -> Bool {
            let pieces = token.split(separator: ".").map(String.init)
            guard pieces.count == 3, let claimsData = CoinbaseJWT.data(base64URL: pieces[1]),
                let claims = try? JSONSerialization.jsonObject(with: claimsData) as? [String: Any],
                let signature = CoinbaseJWT.data(base64URL: pieces[2]),
                let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return key.publicKey.isValidSignature(parsed, for: Data((pieces[0] + "." + pieces[1]).utf8))
                && claims["uri"] as? String == uri && claims["iss"] as? String == "cdp"
        }
    }

    private let btc = Symbol(base: "BTC", quote: "USD")

    @Test func readsComeBackAsTraderCoreValuesWithEveryTokenChecked() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/products", [(200, try venue.fixture("list_products.json"))])
        venue.script("GET", "/products/BTC-USD", [(200, try venue.fixture("get_product.json"))])
        venue.script("GET", "/best_bid_ask", [(200, try venue.fixture("get_best_bid_ask.json"))])
        venue.script("GET", "/accounts", [(200, try venue.fixture("list_accounts.json")), (200, #"{"accounts":[],"has_next":false,"cursor":""}"#)])
        venue.script("GET", "/time", [(200, try venue.fixture("get_server_time.json"))])
        let adapter = try venue.adapter()
        #expect(try await adapter.allProducts().map(\.symbol.description) == ["BTC-USD", "BTC-USDC"])
        #expect(try await adapter.rules(for: btc).minNotional == FixedPoint(1))
        let quotes = try await adapter.quotes(for: [btc])
        #expect(quotes[btc]?.bid == Price("41931.59")!)
        #expect(quotes.count == 1)
        #expect(try await adapter.balances().contains { $0.currency == Currency("SAND")! && $0.available == FixedPoint("242.21")! })
        #expect(try await adapter.serverTime() == Timestamp(secondsSinceEpoch: 1_701_129_622))
        #expect(venue.refusedTokens == 0)
    }

    @Test func aPlacedOrderIsAcceptedAndARefusalIsADefiniteRejection() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        let adapter = try venue.adapter()
        let order = Order(
            clientOrderID: ClientOrderID("ema-BTC-USD-BUY-e1-1"), symbol: btc, side: .buy, kind: .limit(price: Price("70000")!, postOnly: true),
            quantity: Quantity("0.001")!)
        venue.script("POST", "/orders", [(200, try venue.fixture("create_order_success.json"))])
        #expect(try await adapter.place(order) == .accepted(VenueOrderID("07f1e718-8ea8-4ece-a2e1-3f00aad7f040")))
        venue.script("POST", "/orders", [(200, try venue.fixture("create_order_error_postonly.json"))])
        await #expect { try await adapter.place(order) } throws: { error in
            guard let error = error as? VenueError else { return false }
            return error.code == .rejected && error.rejection == .postOnlyWouldCross && !error.isAmbiguous
        }
    }

    @Test func anOrderAnswered503IsAmbiguousAndNeverSentAgain() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("POST", "/orders", [(503, "")])
        let order = Order(clientOrderID: ClientOrderID("t-1"), symbol: btc, side: .buy, kind: .market, quantity: Quantity("0.001")!)
        await #expect { try await venue.adapter().place(order) } throws: { ($0 as? VenueError)?.isAmbiguous == true }
        #expect(venue.requests.filter { $0 == "POST /api/v3/brokerage/orders" }.count == 1)
    }

    @Test func aReadAnswered503IsTriedAgainWithBackoff() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/products/BTC-USD", [(503, ""), (503, ""), (200, try venue.fixture("get_product.json"))])
        #expect(try await venue.adapter().rules(for: btc).symbol == btc)
        #expect(venue.requests.count == 3)
    }

    @Test func aRefusedTokenIsTriedOnceMoreWithANewOne() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/products/BTC-USD", [(401, "Unauthorized"), (200, try venue.fixture("get_product.json"))])
        #expect(try await venue.adapter().rules(for: btc).symbol == btc)
        #expect(venue.requests.count == 2)
    }

    @Test func anOrderThatCannotReachTheVenueIsNotSentNotAmbiguous() async throws {
        let venue = try ScriptedCoinbase()
        let adapter = try venue.adapter(maxAttempts: 2)
        venue.server.stop()  // nothing listens now
        let order = Order(clientOrderID: ClientOrderID("t-2"), symbol: btc, side: .sell, kind: .market, quantity: Quantity("0.001")!)
        await #expect { try await adapter.place(order) } throws: { error in
            guard let error = error as? VenueError else { return false }
            return error.code == .notSent && !error.isAmbiguous
        }
    }

    @Test func ordersCoinbaseDoesNotTakeAreRefusedBeforeAnythingIsSent() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        let day = Order(
            clientOrderID: ClientOrderID("t-3"), symbol: btc, side: .buy, kind: .limit(price: Price("1")!, postOnly: false), quantity: Quantity(1),
            timeInForce: .day)
        await #expect { try await venue.adapter().place(day) } throws: { ($0 as? VenueError)?.rejection == .unsupportedOrder }
        let stop = Order(clientOrderID: ClientOrderID("t-4"), symbol: btc, side: .sell, kind: .stop(trigger: Price("1")!), quantity: Quantity(1))
        await #expect { try await venue.adapter().place(stop) } throws: { ($0 as? VenueError)?.rejection == .unsupportedOrder }
        #expect(venue.requests.isEmpty)
    }

    @Test func aPageThatNamesTheCursorItWasAskedWithStopsThePaging() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/accounts", [(200, try venue.fixture("list_accounts.json"))])  // always has_next, one cursor
        await #expect { try await venue.adapter().balances() } throws: { ($0 as? VenueError)?.code == .malformedReply }
        #expect(venue.requests.count == 2)
    }

    @Test func aClockFarFromTheVenuesIsRefusedBeforeTrading() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/time", [(200, try venue.fixture("get_server_time.json"))])  // 1701129622
        let near = ManualClock(Timestamp(secondsSinceEpoch: 1_701_129_625))
        let far = ManualClock(Timestamp(secondsSinceEpoch: 1_701_129_722))
        func adapter(_ clock: ManualClock) throws -> CoinbaseAdapter {
            CoinbaseAdapter(
                configuration: CoinbaseConfiguration(baseURL: "http://127.0.0.1:\(venue.server.port)", credentials: try venue.credentials),
                clock: clock)
        }
        // The scripted server checks only the signature and uri, not the time window.
        #expect(try await adapter(near).checkClock(maxSkew: .seconds(5)) == .seconds(3))
        await #expect { try await adapter(far).checkClock(maxSkew: .seconds(5)) } throws: {
            ($0 as? VenueError)?.venueReason == "CLOCK_SKEW"
        }
    }

    private static let lastOrdersPage = #"{"orders":[],"has_next":false,"cursor":""}"#
    private static let lastFillsPage = #"{"fills":[],"cursor":""}"#

    @Test func anOrderIsLookedUpByItsClientIDAcrossEveryPage() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/orders/historical/batch", [(200, try venue.fixture("list_orders.json")), (200, Self.lastOrdersPage)])
        let adapter = try venue.adapter()
        let report = try #require(try await adapter.order(OrderReference(ClientOrderID("k7234k-jkashd879a"))))
        #expect(report.venueOrderID == VenueOrderID("e389f2c9-208c-435c-a1c8-b430948e531b"))
        #expect(report.status == .cancelled)
        #expect(report.fills.isEmpty)  // nothing filled: no fills asked for
        venue.script("GET", "/orders/historical/batch", [(200, try venue.fixture("list_orders.json")), (200, Self.lastOrdersPage)])
        #expect(try await adapter.order(OrderReference(ClientOrderID("never-sent"))) == nil)
        #expect(venue.requests.filter { $0.hasSuffix("/orders/historical/batch") }.count == 4)  // two pages each time
    }

    @Test func anOrderLookedUpByTheVenuesIDThatCoinbaseDoesNotKnowIsNil() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/orders/historical/nope", [(404, try venue.fixture("error_order_not_found.json"))])
        let reference = OrderReference(ClientOrderID("t-9"), venueOrderID: VenueOrderID("nope"))
        #expect(try await venue.adapter().order(reference) == nil)
    }

    @Test func fillsSinceAnInstantCarryTheirOrdersClientIDs() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/orders/historical/fills", [(200, try venue.fixture("list_fills.json")), (200, Self.lastFillsPage)])
        let order = #"{"order":{"order_id":"ID","product_id":"ALGO-USD","side":"SELL","client_order_id":"ema-ALGO-USD-SELL-e1-ID","status":"FILLED","created_time":"2023-01-29T05:00:00Z"}}"#
        for id in [
            "3f9ad0fa-266e-495e-82d0-04616beb402f", "4866b58d-8baf-4996-b5e5-629f0270dd0a", "95a50b31-7128-49ac-bba9-0e7200051a92",
            "1f71a67f-6964-4a58-9438-411a5a6f22fc", "f4555646-5f1b-40da-bce6-d2472957c747",
        ] {
            venue.script("GET", "/orders/historical/\(id)", [(200, order.replacingOccurrences(of: "ID", with: id))])
        }
        let fills = try await venue.adapter().fills(since: Timestamp(secondsSinceEpoch: 0))
        #expect(fills.count == 5)
        #expect(zip(fills, fills.dropFirst()).allSatisfy { $0.fill.time <= $1.fill.time })
        #expect(fills.allSatisfy { $0.clientOrderID.rawValue.hasPrefix("ema-ALGO-USD-SELL-e1-") })
    }

    @Test func aCancelIsSentWithTheVenuesIDAndARefusalKeepsCoinbasesReason() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        let adapter = try venue.adapter()
        venue.script("POST", "/orders/batch_cancel", [(200, #"{"results":[{"success":true,"failure_reason":"UNKNOWN_CANCEL_FAILURE_REASON","order_id":"o-1"}]}"#)])
        try await adapter.cancel(OrderReference(ClientOrderID("t-1"), venueOrderID: VenueOrderID("o-1")))
        venue.script("POST", "/orders/batch_cancel", [(200, try venue.fixture("batch_cancel.json"))])  // its first result refused
        await #expect { try await adapter.cancel(OrderReference(ClientOrderID("t-2"), venueOrderID: VenueOrderID("dc98ccb7"))) } throws: {
            ($0 as? VenueError)?.venueReason == "UNKNOWN_CANCEL_ORDER"
        }
    }

    @Test func candlesArePagedByThreeHundredAndComeBackOldestFirst() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/products/ALGO-USD/candles", [(200, try venue.fixture("get_candles.json"))])
        let algo = Symbol(base: "ALGO", quote: "USD")
        // 1674000000 to 1675200000 in days: 14 days, one page.
        let candles = try await venue.adapter().candles(
            for: algo, interval: .seconds(86_400),
            in: Timestamp(secondsSinceEpoch: 1_674_000_000)..<Timestamp(secondsSinceEpoch: 1_675_200_000))
        #expect(!candles.isEmpty)
        #expect(zip(candles, candles.dropFirst()).allSatisfy { $0.time < $1.time })
        #expect(candles.last?.time == Timestamp(secondsSinceEpoch: 1_675_123_200))
        #expect(venue.requests.filter { $0.hasSuffix("/candles") }.count == 1)
        await #expect { try await venue.adapter().candles(for: algo, interval: .seconds(45), in: Timestamp(secondsSinceEpoch: 0)..<Timestamp(secondsSinceEpoch: 60)) } throws: {
            ($0 as? VenueError)?.venueReason == "INVALID_ARGUMENT"
        }
    }

    @Test func everyAttemptIsReportedForTheHealthBreakers() async throws {
        let venue = try ScriptedCoinbase()
        defer { venue.server.stop() }
        venue.script("GET", "/products/BTC-USD", [(503, ""), (429, ""), (200, try venue.fixture("get_product.json"))])
        let seen = OutcomeLog()
        let adapter = CoinbaseAdapter(
            configuration: CoinbaseConfiguration(
                baseURL: "http://127.0.0.1:\(venue.server.port)", credentials: try venue.credentials, baseBackoff: .milliseconds(1),
                maxBackoff: .milliseconds(5), observeCall: { request, outcome, _ in seen.add(request, outcome) }))
        _ = try await adapter.rules(for: btc)
        #expect(seen.all.map(\.outcome) == [.failed, .rateLimited, .answered])
        #expect(seen.all.allSatisfy { $0.request == "GET /api/v3/brokerage/products/BTC-USD" })
    }
}

/// What an adapter reported, shared with its threads.
final class OutcomeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(request: String, outcome: VenueCallOutcome)] = []
    func add(_ request: String, _ outcome: VenueCallOutcome) { lock.withLock { entries.append((request, outcome)) } }
    var all: [(request: String, outcome: VenueCallOutcome)] { lock.withLock { entries } }
}
