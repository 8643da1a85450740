import Crypto
import Foundation

/// A Coinbase Developer Platform API key: its name (`organizations/{org}/apiKeys/{id}`) and its
/// ECDSA P-256 private key. The private key never appears in a description, a log or an error.
public struct CoinbaseCredentials: Sendable, CustomStringConvertible {
    /// A key that cannot be used.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// Why, without the secret.
        public let message: String
        public var description: String { "coinbase_credentials: \(message)" }
    }

    /// The key's name, sent as the token's `kid` and `sub`.
    public let keyName: String
    /// The signing key.
    ///
    /// `@unchecked Sendable`, audited: swift-crypto does not mark its key `Sendable`, but the key
    /// is an immutable value, and signing reads it without changing it.
    final class SigningKey: @unchecked Sendable {
        let key: P256.Signing.PrivateKey
        init(_ key: P256.Signing.PrivateKey) { self.key = key }
    }

    private let signingKey: SigningKey

    /// The signing key.
    var privateKey: P256.Signing.PrivateKey { signingKey.key }

    /// A key named `keyName` with the SEC1 or PKCS #8 PEM `pem` (`-----BEGIN EC PRIVATE KEY-----`).
    /// Literal `\n` sequences, as environment variables and JSON files often carry them, are read
    /// as newlines.
    ///
    /// - Throws: ``Problem`` for an empty name or a PEM that is not a P-256 private key.
    public init(keyName: String, pem: String) throws(Problem) {
        guard !keyName.isEmpty else { throw Problem(message: "the key name is empty") }
        let text = pem.replacingOccurrences(of: "\\n", with: "\n")
        do {
            signingKey = SigningKey(try P256.Signing.PrivateKey(pemRepresentation: text))
        } catch {
            throw Problem(message: "the private key of \(keyName) is not an ECDSA P-256 key in PEM (ES256 keys only)")
        }
        self.keyName = keyName
    }

    /// A key from the SDK's key-file JSON, `{"name": "...", "privateKey": "..."}` (`"id"` is taken
    /// for the name too).
    ///
    /// - Throws: ``Problem`` for a file that is not such an object, or a key that cannot be used.
    public init(keyFileJSON bytes: [UInt8]) throws(Problem) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            let name = (object["name"] ?? object["id"]) as? String, let secret = object["privateKey"] as? String
        else { throw Problem(message: "the key file is not a JSON object with \"name\" and \"privateKey\"") }
        try self.init(keyName: name, pem: secret)
    }

    /// The public half, PEM, for a server that checks the tokens (the simulator).
    public var publicKeyPEM: String { privateKey.publicKey.pemRepresentation }

    public var description: String { "CoinbaseCredentials(\(keyName), private key not shown)" }
}
