import CoinbaseAdapter
import Crypto
import Foundation
import Testing
import TraderCore

/// Tokens as Coinbase checks them: header and claims as the SDK sends them, an ES256 signature in
/// raw r‖s form that an independent verifier accepts, the uri without the query, and keys read
/// from PEM or the SDK's key file without the secret ever printed.
@Suite struct CoinbaseJWTTests {
    private let key = P256.Signing.PrivateKey()
    private let name = "organizations/test-organization/apiKeys/test-api-key"
    private let now = Timestamp(secondsSinceEpoch: 1_795_238_533)

    private func parts(_ token: String) throws -> (header: [String: Any], claims: [String: Any], signingInput: String, signature: Data) {
        let pieces = token.split(separator: ".").map(String.init)
        try #require(pieces.count == 3)
        let header = try #require(CoinbaseJWT.data(base64URL: pieces[0]))
        let claims = try #require(CoinbaseJWT.data(base64URL: pieces[1]))
        return (
            try #require(try JSONSerialization.jsonObject(with: header) as? [String: Any]),
            try #require(try JSONSerialization.jsonObject(with: claims) as? [String: Any]), pieces[0] + "." + pieces[1],
            try #require(CoinbaseJWT.data(base64URL: pieces[2]))
        )
    }

    @Test func aKeyNameWithQuotesBackslashesAndControlCharactersReadsBackUnchanged() throws {
        let odd = "org/\"quoted\"\\back\nline\u{1}é"
        let credentials = try CoinbaseCredentials(keyName: odd, pem: key.pemRepresentation)
        let (header, claims, _, _) = try parts(
            CoinbaseJWT.token(for: credentials, method: "GET", host: "h", path: "/p", now: now, nonce: "n"))
        #expect(header["kid"] as? String == odd)
        #expect(claims["sub"] as? String == odd)
    }

    @Test func theNonceIsSixtyFourHexDigitsAndNeverRepeats() {
        let nonces = (0..<100).map { _ in CoinbaseJWT.randomNonce() }
        #expect(nonces.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) && $0 == $0.lowercased() })
        #expect(Set(nonces).count == 100)
    }

    @Test func aTokenCarriesTheSDKsHeaderAndClaims() throws {
        let credentials = try CoinbaseCredentials(keyName: name, pem: key.pemRepresentation)
        let token = CoinbaseJWT.token(
            for: credentials, method: "get", host: "api.coinbase.com", path: "/api/v3/brokerage/accounts?limit=250", now: now, nonce: "abc123")
        let (header, claims, _, _) = try parts(token)
        #expect(header["alg"] as? String == "ES256")
        #expect(header["kid"] as? String == name)
        #expect(header["nonce"] as? String == "abc123")
        #expect(header["typ"] as? String == "JWT")
        #expect(claims["iss"] as? String == "cdp")
        #expect(claims["sub"] as? String == name)
        #expect(claims["nbf"] as? Int == 1_795_238_533)
        #expect(claims["exp"] as? Int == 1_795_238_653)
        #expect(claims["uri"] as? String == "GET api.coinbase.com/api/v3/brokerage/accounts")
    }

    @Test func theSignatureIsRawRAndSAndVerifiesWithThePublicKey() throws {
        let credentials = try CoinbaseCredentials(keyName: name, pem: key.pemRepresentation)
        let token = CoinbaseJWT.token(for: credentials, method: "POST", host: "127.0.0.1:8443", path: "/api/v3/brokerage/orders", now: now)
        let (_, claims, signingInput, signature) = try parts(token)
        #expect(claims["uri"] as? String == "POST 127.0.0.1:8443/api/v3/brokerage/orders")
        #expect(signature.count == 64)  // r‖s, not DER
        let parsed = try P256.Signing.ECDSASignature(rawRepresentation: signature)
        #expect(key.publicKey.isValidSignature(parsed, for: Data(signingInput.utf8)))
        #expect(!P256.Signing.PrivateKey().publicKey.isValidSignature(parsed, for: Data(signingInput.utf8)))
        #expect(credentials.publicKeyPEM == key.publicKey.pemRepresentation)
    }

    @Test func eachTokenHasItsOwnNonce() throws {
        let credentials = try CoinbaseCredentials(keyName: name, pem: key.pemRepresentation)
        let first = try parts(CoinbaseJWT.token(for: credentials, method: "GET", host: "h", path: "/p", now: now)).header["nonce"] as? String
        let second = try parts(CoinbaseJWT.token(for: credentials, method: "GET", host: "h", path: "/p", now: now)).header["nonce"] as? String
        #expect(first?.count == 64)
        #expect(first != second)
    }

    @Test func aKeyFileWithEscapedNewlinesReadsAndTheSecretIsNeverPrinted() throws {
        let escaped = key.pemRepresentation.replacingOccurrences(of: "\n", with: "\\n")
        let file = try JSONSerialization.data(withJSONObject: ["name": name, "privateKey": escaped])
        let credentials = try CoinbaseCredentials(keyFileJSON: Array(file))
        #expect(credentials.keyName == name)
        #expect(credentials.description == "CoinbaseCredentials(\(name), private key not shown)")
        #expect(!"\(credentials)".contains("PRIVATE"))
        let byID = try JSONSerialization.data(withJSONObject: ["id": name, "privateKey": key.pemRepresentation])
        #expect(try CoinbaseCredentials(keyFileJSON: Array(byID)).keyName == name)
    }

    @Test func aKeyThatIsNotP256IsRefusedWithoutShowingIt() {
        #expect { try CoinbaseCredentials(keyName: name, pem: "-----BEGIN EC PRIVATE KEY-----\nnot a key\n-----END EC PRIVATE KEY-----") } throws: {
            let text = "\($0)"
            return text.contains("not an ECDSA P-256 key") && !text.contains("not a key")
        }
        #expect(throws: CoinbaseCredentials.Problem.self) { try CoinbaseCredentials(keyFileJSON: Array("{}".utf8)) }
    }
}
