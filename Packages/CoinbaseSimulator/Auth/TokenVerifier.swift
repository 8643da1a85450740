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
        guard let header = try? JSONDecoder().decode(Header.self, from: headerBytes),
            let claims = try? JSONDecoder().decode(Claims.self, from: claimBytes)
        else { throw Refusal("header or claims are not JSON objects of the JWT's fields") }
        guard header.alg == "ES256" else { throw Refusal("alg \(header.alg ?? "none") is not ES256") }
        guard let kid = header.kid, let key = keys.publicKey(kid) else { throw Refusal("unknown key") }
        guard claims.sub == kid else { throw Refusal("sub differs from kid") }
        guard let issuer = claims.iss, issuer == "cdp" || issuer == "coinbase-cloud" else {
            throw Refusal("iss is not cdp")
        }
        guard let notBefore = claims.nbf.flatMap(Self.seconds), let expiry = claims.exp.flatMap(Self.seconds) else {
            throw Refusal("nbf or exp missing")
        }
        guard notBefore - leewaySeconds <= now else { throw Refusal("not valid before \(notBefore), now \(now)") }
        guard now <= expiry + leewaySeconds else { throw Refusal("expired at \(expiry), now \(now)") }
        guard expiry - notBefore <= 120 else { throw Refusal("lifetime \(expiry - notBefore) s is above 120 s") }
        let expectedURI = "\(method) \(authority)\(path)"
        guard claims.uri == expectedURI else { throw Refusal("uri \(claims.uri ?? "none") is not \(expectedURI)") }
        guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: signatureBytes) else {
            throw Refusal("signature is not 64 raw bytes")
        }
        let signedPart = Data("\(parts[0]).\(parts[1])".utf8)
        guard key.isValidSignature(signature, for: signedPart) else { throw Refusal("bad signature") }
    }

    /// The header fields checked.
    private struct Header: Decodable {
        let alg: String?
        let kid: String?
    }

    /// The claims checked; times are JSON numbers (whole seconds, which a client may write with a fraction).
    private struct Claims: Decodable {
        let iss: String?
        let sub: String?
        let nbf: Double?
        let exp: Double?
        let uri: String?
    }

    /// Whole seconds from a JSON number; `nil` beyond any plausible time.
    private static func seconds(_ value: Double) -> Int64? {
        value.isFinite && abs(value) < 1e15 ? Int64(value) : nil
    }

    /// Bytes from unpadded base64url.
    static func base64URL(_ text: Substring) -> Data? {
        var bytes = Array(text.utf8)
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "-"): bytes[index] = UInt8(ascii: "+")
            case UInt8(ascii: "_"): bytes[index] = UInt8(ascii: "/")
            default: break
            }
        }
        bytes += repeatElement(UInt8(ascii: "="), count: (4 - bytes.count % 4) % 4)
        return Data(base64Encoded: Data(bytes))
    }
}
