/// What the server answered: the status, the header fields of the final response, and the body.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public let status: Int
    /// The header fields of the final response, in order (a `100 Continue` or redirect's are dropped).
    public let headers: [(name: String, value: String)]
    /// The body.
    public let body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of the header field `name`, compared without regard to case.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }
}
