/// The answer to `POST /orders`: HTTP 200 whether the order was taken or refused; `success` says.
struct WireCreateOrderResponse: Decodable, Sendable {
    struct SuccessResponse: Decodable, Sendable {
        let orderID: String?
        let productID: String?
        let side: String?
        let clientOrderID: String?

        enum CodingKeys: String, CodingKey {
            case side
            case orderID = "order_id", productID = "product_id", clientOrderID = "client_order_id"
        }
    }

    let success: Bool?
    let failureReason: String?
    let orderID: String?
    let successResponse: SuccessResponse?
    let errorResponse: WireOrderErrorResponse?

    enum CodingKeys: String, CodingKey {
        case success
        case failureReason = "failure_reason", orderID = "order_id", successResponse = "success_response"
        case errorResponse = "error_response"
    }
}
