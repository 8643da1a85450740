import Foundation

/// An answer the simulator sends: an HTTP status and a JSON (or plain text) body.
public struct WireAnswer: Sendable {
    /// The HTTP status.
    public let status: Int
    /// The body's bytes.
    public let body: [UInt8]
    /// The body's media type.
    public let contentType: String

    /// A JSON answer of `object` (dictionaries, arrays, strings, numbers, booleans, `NSNull`).
    static func json(_ object: Any, status: Int = 200) -> WireAnswer {
        WireAnswer(status: status, body: JSONText.bytes(object), contentType: "application/json")
    }

    /// Coinbase's error body for a non-2xx answer: `{"error", "error_details", "message"}`.
    static func error(_ status: Int, _ code: String, _ details: String) -> WireAnswer {
        json(["error": code, "error_details": details, "message": details], status: status)
    }

    /// A 400 `INVALID_ARGUMENT`, Coinbase's answer to a request it cannot read.
    static func invalidArgument(_ details: String) -> WireAnswer { error(400, "INVALID_ARGUMENT", details) }

    /// A plain-text answer.
    static func text(_ text: String, status: Int) -> WireAnswer {
        WireAnswer(status: status, body: Array(text.utf8), contentType: "text/plain; charset=utf-8")
    }

    /// The body as a JSON object, for tests and tools reading the control endpoints.
    public var jsonObject: Any? { try? JSONSerialization.jsonObject(with: Data(body)) }
}
