import Foundation
import TraderCore

/// Coinbase's failures as ``VenueError``s: the one table of its order-failure reasons, and the
/// mapping of non-2xx answers. A reason missing from the table is a refusal of kind `other`, with
/// the reason kept.
enum CoinbaseErrorMap {
    /// Order-failure reasons (`error`, `new_order_failure_reason`, `preview_failure_reason`), by kind.
    static let rejections: [String: VenueError.Rejection] = [
        "INVALID_LIMIT_PRICE_POST_ONLY": .postOnlyWouldCross,
        "PREVIEW_INVALID_LIMIT_PRICE_POST_ONLY": .postOnlyWouldCross,
        "INSUFFICIENT_FUND": .insufficientFunds,
        "INSUFFICIENT_FUNDS": .insufficientFunds,
        "INVALID_LEDGER_BALANCE": .insufficientFunds,
        "PREVIEW_INSUFFICIENT_FUND": .insufficientFunds,
        "PREVIEW_INSUFFICIENT_LEDGER_BALANCE": .insufficientFunds,
        "PREVIEW_INVALID_LEDGER_BALANCE": .insufficientFunds,
        "INVALID_SIZE_PRECISION": .invalidSize,
        "PREVIEW_INVALID_SIZE_PRECISION": .invalidSize,
        "PREVIEW_INVALID_BASE_SIZE_TOO_SMALL": .invalidSize,
        "PREVIEW_INVALID_BASE_SIZE_TOO_LARGE": .invalidSize,
        "PREVIEW_INVALID_QUOTE_SIZE_PRECISION": .invalidSize,
        "PREVIEW_INVALID_QUOTE_SIZE_TOO_SMALL": .invalidSize,
        "PREVIEW_INVALID_QUOTE_SIZE_TOO_LARGE": .invalidSize,
        "PREVIEW_NON_NUMERIC_ORDER_SIZE": .invalidSize,
        "INVALID_PRICE_PRECISION": .invalidPrice,
        "INVALID_LIMIT_PRICE": .invalidPrice,
        "LIMIT_PRICE_TOO_FAR_FROM_MARKET": .invalidPrice,
        "PREVIEW_INVALID_PRICE_PRECISION": .invalidPrice,
        "PREVIEW_INVALID_LIMIT_PRICE": .invalidPrice,
        "PREVIEW_INVALID_LIMIT_PRICE_PRECISION": .invalidPrice,
        "PREVIEW_INVALID_PRICE_TOO_LARGE": .invalidPrice,
        "ORDER_ENTRY_DISABLED": .productUnavailable,
        "UNTRADABLE_PRODUCT": .productUnavailable,
        "INVALID_PRODUCT_ID": .productUnavailable,
        "INELIGIBLE_PAIR": .productUnavailable,
        "PREVIEW_INVALID_PRODUCT_ID": .productUnavailable,
        "PREVIEW_TRADING_DISABLED": .productUnavailable,
        "PREVIEW_PRODUCT_TRADING_HALTED": .productUnavailable,
        "PREVIEW_NOT_ALLOWED_BY_MARKET_STATE": .productUnavailable,
        "UNSUPPORTED_ORDER_CONFIGURATION": .unsupportedOrder,
        "PREVIEW_INVALID_ORDER_CONFIG": .unsupportedOrder,
        "FOK_DISABLED": .unsupportedOrder,
        "FOK_ONLY_ALLOWED_ON_LIMIT_ORDERS": .unsupportedOrder,
        "POST_ONLY_NOT_ALLOWED_WITH_FOK": .unsupportedOrder,
    ]

    /// The most of a body quoted in a message.
    static let quotedBodyLimit = 200

    /// The error of a create-order answer with `success: false`, for `what` (the request).
    static func orderFailure(_ response: WireOrderErrorResponse?, failureReason: String?, what: String) -> VenueError {
        let reasons = [response?.newOrderFailureReason, response?.error, response?.previewFailureReason]
            .compactMap { $0 }.filter { !$0.isEmpty && !$0.hasPrefix("UNKNOWN_") }
        guard let reason = reasons.first else {
            // Refused without a reason: the order's fate is not known, so it is looked up, not re-sent.
            return VenueError(
                .unavailable, venueReason: failureReason, message: "\(what): refused without a reason (\(failureReason ?? "none"))")
        }
        let kind = reasons.lazy.compactMap { rejections[$0] }.first ?? .other
        let detail = [response?.message, response?.errorDetails].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; ")
        return VenueError(.rejected, venueReason: reason, message: "\(what): \(detail.isEmpty ? reason : String(detail.prefix(quotedBodyLimit)))", rejection: kind)
    }

    /// The error of a non-2xx answer with `status`, `body` and the `Retry-After` header's value.
    static func error(status: Int, body: [UInt8], retryAfter: String?, what: String) -> VenueError {
        let parsed = try? JSONDecoder().decode(WireErrorBody.self, from: Data(body))
        let reason = parsed?.error ?? parsed?.errors?.first?.id
        let text = parsed?.errorDetails ?? parsed?.message ?? parsed?.errors?.first?.message
            ?? String(decoding: body.prefix(quotedBodyLimit), as: UTF8.self)
        let message = "\(what): HTTP \(status)" + (text.isEmpty ? "" : ": \(text.prefix(quotedBodyLimit))")
        switch status {
        case 401, 403:
            return VenueError(.unauthorized, venueReason: reason ?? (status == 401 ? "UNAUTHORIZED" : "PERMISSION_DENIED"), message: message)
        case 404:
            return VenueError(.notFound, venueReason: parsed?.errorDetails ?? reason, message: message)
        case 429:
            let seconds = retryAfter.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return VenueError(.rateLimited, venueReason: reason, message: message, retryAfter: seconds.map { .seconds($0) })
        case 500...:
            return VenueError(.unavailable, venueReason: reason, message: message)
        default:
            if parsed?.errorDetails == unknownOrderDetail {
                return VenueError(.notFound, venueReason: parsed?.errorDetails, message: message)
            }
            return VenueError(.rejected, venueReason: reason, message: message, rejection: reason.flatMap { rejections[$0] } ?? .other)
        }
    }

    /// Coinbase's `error_details` for an order id it does not know (sent with a 400 as well as a 404).
    static let unknownOrderDetail = "order with this orderID was not found"
}
