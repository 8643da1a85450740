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
        let name = jsonString(credentials.keyName)
        let nbf = now.secondsSinceEpoch
        let header = #"{"alg":"ES256","kid":\#(name),"nonce":\#(jsonString(nonce)),"typ":"JWT"}"#
        let uri = jsonString(method.uppercased() + " " + host + pathOnly)
        let claims = #"{"exp":\#(nbf + lifetime),"iss":"cdp","nbf":\#(nbf),"sub":\#(name),"uri":\#(uri)}"#
        let signingInput = base64URL(Data(header.utf8)) + "." + base64URL(Data(claims.utf8))
        // A P-256 signature over a few hundred bytes cannot fail with a valid key.
        let signature = (try? credentials.privateKey.signature(for: Data(signingInput.utf8)))?.rawRepresentation ?? Data()
        return signingInput + "." + base64URL(signature)
    }

    /// 32 random bytes in hex, as the SDK sends.
    public static func randomNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for _ in 0..<4 {
            var word = generator.next()
            for _ in 0..<8 {
                hex.append(digits[Int(word >> 4 & 0xf)])
                hex.append(digits[Int(word & 0xf)])
                word >>= 8
            }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Base64url without padding.
    public static func base64URL(_ data: Data) -> String {
        var bytes = Array(data.base64EncodedData())
        while bytes.last == UInt8(ascii: "=") { bytes.removeLast() }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "+"): bytes[index] = UInt8(ascii: "-")
            case UInt8(ascii: "/"): bytes[index] = UInt8(ascii: "_")
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of base64url text without padding; `nil` when it is not base64url.
    public static func data(base64URL text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64)
    }

    /// `text` as a JSON string literal (quotes, backslashes and control characters escaped).
    static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22, 0x5C: escaped += "\\" + String(scalar)
            case ..<0x20: escaped += "\\u" + String(0x10000 + scalar.value, radix: 16).dropFirst()
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
