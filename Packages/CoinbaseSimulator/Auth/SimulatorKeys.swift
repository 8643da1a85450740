import Crypto
import Foundation

/// The API keys the simulator knows, by name, as Coinbase knows a CDP key: the key name (the
/// JWT's `kid` and `sub`) and the public half of its ES256 key, derived from the private key in
/// the SDK's key file. Private keys are never kept or printed.
public struct SimulatorKeys: Sendable {
    /// The public keys (X9.63 bytes), by key name.
    let publicKeys: [String: Data]

    /// The key names known.
    public var names: [String] { publicKeys.keys.sorted() }

    /// Keys from `(name, private key PEM)` pairs.
    ///
    /// - Throws: ``SimulatorError`` `invalid_key` naming the key whose PEM is not an EC P-256 key.
    public init(_ keys: [(name: String, privateKeyPEM: String)]) throws(SimulatorError) {
        var publicKeys: [String: Data] = [:]
        for key in keys {
            do {
                publicKeys[key.name] = try P256.Signing.PrivateKey(pemRepresentation: key.privateKeyPEM).publicKey.x963Representation
            } catch {
                throw SimulatorError(.invalidKey, "key \(key.name): the private key is not an EC P-256 PEM")
            }
        }
        self.publicKeys = publicKeys
    }

    /// The public key named `name`.
    func publicKey(_ name: String) -> P256.Signing.PublicKey? {
        publicKeys[name].flatMap { try? P256.Signing.PublicKey(x963Representation: $0) }
    }

    /// Keys from a file in the SDK's key-file format: one object `{"name": ..., "privateKey": ...}`
    /// (`"id"` is accepted for the name) or an array of them; literal `\n` in a key is a newline.
    ///
    /// - Throws: ``SimulatorError`` `invalid_key` naming the file and what is wrong in it.
    public init(keyFile path: String) throws(SimulatorError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SimulatorError(.invalidKey, "\(path): cannot be read")
        }
        let objects: [[String: Any]]
        switch try? JSONSerialization.jsonObject(with: data) {
        case let one as [String: Any]: objects = [one]
        case let many as [[String: Any]]: objects = many
        default: throw SimulatorError(.invalidKey, "\(path): not a key object or an array of them")
        }
        var keys: [(name: String, privateKeyPEM: String)] = []
        for (index, object) in objects.enumerated() {
            guard let name = (object["name"] ?? object["id"]) as? String, let pem = object["privateKey"] as? String else {
                throw SimulatorError(.invalidKey, "\(path): key \(index + 1) lacks \"name\" or \"privateKey\"")
            }
            keys.append((name, pem.replacingOccurrences(of: "\\n", with: "\n")))
        }
        try self.init(keys)
    }
}
