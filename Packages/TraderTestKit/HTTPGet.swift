import CurlHTTP

/// A plain GET, for tests that read a node's endpoints.
public enum HTTPGet {
    /// The body of `url` as text, whatever its status.
    ///
    /// - Throws: ``HTTPError`` when the request fails.
    public static func text(_ url: String) async throws -> String {
        String(decoding: try await HTTPClient().send(HTTPRequest(url: url)).body, as: UTF8.self)
    }

    /// The status of `url`.
    ///
    /// - Throws: ``HTTPError`` when the request fails.
    public static func status(_ url: String) async throws -> Int {
        try await HTTPClient().send(HTTPRequest(url: url)).status
    }
}
