@testable import CoinbaseAdapter
import Foundation
import Testing
import TraderCore
import TraderTestKit

/// Coinbase's refusals and error answers, from the recorded fixtures, as stable `VenueError`s: the
/// code, the venue's reason, what kind of refusal, and whether the request may have taken effect.
@Suite struct ErrorMappingTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: SharedData.path("fixtures/coinbase/\(name)"))))
    }

    private func orderFailure(_ name: String) throws -> VenueError {
        let answer = try JSONDecoder().decode(WireCreateOrderResponse.self, from: Data(fixture(name)))
        #expect(answer.success == false)
        return CoinbaseErrorMap.orderFailure(answer.errorResponse, failureReason: answer.failureReason, what: "place t-1")
    }

    @Test(arguments: [
        ("create_order_error_postonly.json", "INVALID_LIMIT_PRICE_POST_ONLY", VenueError.Rejection.postOnlyWouldCross),
        ("create_order_error_insufficient_fund.json", "INSUFFICIENT_FUND", .insufficientFunds),
        ("create_order_error_unsupported_config.json", "UNSUPPORTED_ORDER_CONFIGURATION", .unsupportedOrder),
    ])
    func aRecordedRefusalIsADefiniteRejectionOfItsKind(file: String, reason: String, kind: VenueError.Rejection) throws {
        let error = try orderFailure(file)
        #expect(error.code == .rejected)
        #expect(error.venueReason == reason)
        #expect(error.rejection == kind)
        #expect(!error.isAmbiguous)
    }

    @Test func aRecordedSuccessNamesTheOrderAndItsClientID() throws {
        let answer = try JSONDecoder().decode(WireCreateOrderResponse.self, from: Data(fixture("create_order_success.json")))
        #expect(answer.success == true)
        #expect(answer.successResponse?.orderID == "07f1e718-8ea8-4ece-a2e1-3f00aad7f040")
        #expect(answer.successResponse?.clientOrderID == "lknalksdj89asdkl")
    }

    @Test func aRefusalWithoutAReasonIsAmbiguousAndLookedUp() {
        let error = CoinbaseErrorMap.orderFailure(nil, failureReason: "UNKNOWN_FAILURE_REASON", what: "place t-1")
        #expect(error.code == .unavailable)
        #expect(error.isAmbiguous)
    }

    @Test func theRecordedUnknownOrderIsNotFound() throws {
        for status in [400, 404] {
            let error = CoinbaseErrorMap.error(status: status, body: try fixture("error_order_not_found.json"), retryAfter: nil, what: "GET order")
            #expect(error.code == .notFound)
            #expect(error.venueReason == "order with this orderID was not found")
        }
    }

    @Test func statusesMapToTheirCodes() {
        let cases: [(Int, String, String?, VenueError.Code, String?)] = [
            (401, "Unauthorized", nil, .unauthorized, "UNAUTHORIZED"),
            (403, #"{"error":"PERMISSION_DENIED","error_details":"Missing required scopes","message":"Missing required scopes"}"#, nil, .unauthorized, "PERMISSION_DENIED"),
            (429, #"{"errors":[{"id":"rate_limit_exceeded","message":"Too many requests"}]}"#, "2", .rateLimited, "rate_limit_exceeded"),
            (503, "", nil, .unavailable, nil),
            (400, #"{"error":"INVALID_ARGUMENT","error_details":"granularity argument is invalid","message":"granularity argument is invalid"}"#, nil, .rejected, "INVALID_ARGUMENT"),
        ]
        for (status, body, retryAfter, code, reason) in cases {
            let error = CoinbaseErrorMap.error(status: status, body: Array(body.utf8), retryAfter: retryAfter, what: "GET x")
            #expect(error.code == code, "\(status)")
            #expect(error.venueReason == reason, "\(status)")
        }
        let limited = CoinbaseErrorMap.error(status: 429, body: [], retryAfter: "2", what: "GET x")
        #expect(limited.retryAfter == .seconds(2))
        #expect(CoinbaseErrorMap.error(status: 503, body: [], retryAfter: nil, what: "POST /orders").isAmbiguous)
    }

    @Test func aHugeErrorBodyIsQuotedCut() {
        let body = Array(String(repeating: "x", count: 10_000).utf8)
        let error = CoinbaseErrorMap.error(status: 502, body: body, retryAfter: nil, what: "GET x")
        #expect(error.message.count < 300)
    }

    @Test func everyReasonInTheTableIsAnUpperSnakeCoinbaseSpelling() {
        #expect(CoinbaseErrorMap.rejections.keys.allSatisfy { $0.allSatisfy { $0.isUppercase || $0 == "_" } })
    }
}
