/// `error_response` of a create-order answer with `success: false`.
struct WireOrderErrorResponse: Decodable, Sendable {
    let error: String?
    let message: String?
    let errorDetails: String?
    let previewFailureReason: String?
    let newOrderFailureReason: String?

    enum CodingKeys: String, CodingKey {
        case error, message
        case errorDetails = "error_details", previewFailureReason = "preview_failure_reason"
        case newOrderFailureReason = "new_order_failure_reason"
    }
}

/// The body of a non-2xx answer: `{"error", "error_details", "message"}` from the gateway, or
/// `{"errors": [{"id", "message"}]}` for a 429; any field may be missing.
struct WireErrorBody: Decodable, Sendable {
    struct Item: Decodable, Sendable {
        let id: String?
        let message: String?
    }

    let error: String?
    let errorDetails: String?
    let message: String?
    let errors: [Item]?

    enum CodingKeys: String, CodingKey {
        case error, message, errors
        case errorDetails = "error_details"
    }
}
