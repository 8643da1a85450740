import Crypto
import Foundation

/// Checks a request's bearer token as Coinbase does: an ES256 JWT whose `kid` and `sub` name a
/// known key, `iss` is `cdp` (or the SDK's older `coinbase-cloud`), `nbf`/`exp` hold the wall clock
/// within a leeway, and `uri` is the method, the host (with its port) the request was addressed
/// to, and the path without its query. The signature is JWS's raw r‖s; a DER signature fails.
struct TokenVerifier: Sendable {
    /// The keys tokens may be signed with.
    let keys: SimulatorKeys
    /// How far outside its window a token is still accepted.
    let leewaySeconds: Int64

    /// Why a token was refused, for the simulator's log (the client gets Coinbase's bare 401).
    struct Refusal: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// Verifies `authorization` (the header's value) for `method authority path` at `now`.
    ///
    /// - Throws: ``Refusal`` saying what failed.
    func verify(authorization: String?, method: String, authority: String, path: String, now: Int64) throws(Refusal) {
        guard let authorization, authorization.hasPrefix("Bearer ") else { throw Refusal("no bearer token") }
        let parts = authorization.dropFirst("Bearer ".count).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Self.base64URL(parts[0]), let claimBytes = Self.base64URL(parts[1]),
            let signatureBytes = Self.base64URL(parts[2])
        else { throw Refusal("not a JWS compact token") }
        guard let header = try? JSONSerialization.jsonObject(with: headerBytes) as? [String: Any],
            let claims = try? JSONSerialization.jsonObject(with: claimBytes) as? [String: Any]
        else { throw Refusal("header or claims are not JSON objects") }
        guard header["alg"] as? String == "ES256" else { throw Refusal("alg \(header["alg"] ?? "none") is not ES256") }
        guard let kid = header["kid"] as? String, let key = keys.publicKey(kid) else { throw Refusal("unknown key") }
        guard claims["sub"] as? String == kid else { throw Refusal("sub differs from kid") }
        guard let issuer = claims["iss"] as? String, issuer == "cdp" || issuer == "coinbase-cloud" else {
            throw Refusal("iss is not cdp")
        }
        guard let notBefore = Self.seconds(claims["nbf"]), let expiry = Self.seconds(claims["exp"]) else {
            throw Refusal("nbf or exp missing")
        }
        guard notBefore - leewaySeconds <= now else { throw Refusal("not valid before \(notBefore), now \(now)") }
        guard now <= expiry + leewaySeconds else { throw Refusal("expired at \(expiry), now \(now)") }
        guard expiry - notBefore <= 120 else { throw Refusal("lifetime \(expiry - notBefore) s is above 120 s") }
        let expectedURI = "\(method) \(authority)\(path)"
        guard claims["uri"] as? String == expectedURI else { throw Refusal("uri \(claims["uri"] ?? "none") is not \(expectedURI)") }
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes) else {
            throw Refusal("signature is not 64 raw bytes")
        }
        let signedPart = Data("\(parts[0]).\(parts[1])".utf8)
        guard key.isValidSignature(signature, for: signedPart) else { throw Refusal("bad signature") }
    }

    /// A whole number of seconds from a JSON number.
    private static func seconds(_ value: Any?) -> Int64? {
        (value as? NSNumber).map { $0.int64Value }
    }

    /// Bytes from unpadded base64url.
    static func base64URL(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}
