import Crypto
import Foundation
import TraderCore

/// The bearer token Coinbase wants on every private request, minted per request as its SDK mints
/// it: ES256 over `base64url(header).base64url(claims)`, the signature raw r‖s.
///
/// Header `{"alg": "ES256", "kid": <key name>, "nonce": <random hex>, "typ": "JWT"}`; claims
/// `{"iss": "cdp", "sub": <key name>, "nbf": now, "exp": now + 120, "uri": "<METHOD> <host><path>"}`,
/// the `uri` without scheme, port or query (a host with a port, as a loopback simulator has, keeps it).
public enum CoinbaseJWT {
    /// How long a token is valid.
    public static let lifetime: Int64 = 120

    /// A token for `method` on `host` and `path` (the query is dropped), valid from `now`.
    public static func token(
        for credentials: CoinbaseCredentials, method: String, host: String, path: String, now: Timestamp,
        nonce: String = randomNonce()
    ) -> String {
        let pathOnly = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        let header: [String: Any] = ["alg": "ES256", "kid": credentials.keyName, "nonce": nonce, "typ": "JWT"]
        let nbf = now.secondsSinceEpoch
        let claims: [String: Any] = [
            "iss": "cdp", "sub": credentials.keyName, "nbf": nbf, "exp": nbf + lifetime, "uri": "\(method.uppercased()) \(host)\(pathOnly)",
        ]
        let signingInput = base64URL(json(header)) + "." + base64URL(json(claims))
        // A P-256 signature over a few hundred bytes cannot fail with a valid key.
        let signature = (try? credentials.privateKey.signature(for: Data(signingInput.utf8)))?.rawRepresentation ?? Data()
        return signingInput + "." + base64URL(signature)
    }

    /// 32 random bytes in hex, as the SDK sends.
    public static func randomNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Base64url without padding.
    public static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of base64url text without padding; `nil` when it is not base64url.
    public static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    private static func json(_ object: [String: Any]) -> Data {
        // Plain strings and integers always serialize.
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
