import CoinbaseSimulator
import Crypto
import Foundation

/// exchange-sim's API key file: read, or created with one new ES256 key (mode 0600) when it does
/// not exist, in the SDK's key-file format so that a client can be pointed at it.
struct KeyFile {
    /// The file's path.
    let path: String
    /// The keys in it.
    let keys: SimulatorKeys

    /// The key name of a created key (the SDK's documented shape).
    static let createdKeyName = "organizations/exchange-sim/apiKeys/exchange-sim-key"

    /// Reads `path`, creating it first when it does not exist.
    ///
    /// - Throws: ``SimulatorError`` `invalid_key` when it cannot be read, parsed or created.
    static func loadOrCreate(at path: String) throws -> KeyFile {
        if !FileManager.default.fileExists(atPath: path) {
            let key = P256.Signing.PrivateKey()
            let object = ["name": createdKeyName, "privateKey": key.pemRepresentation]
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .withoutEscapingSlashes])
                guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
                    throw SimulatorError(.invalidKey, "\(path): cannot be created")
                }
            } catch let error as SimulatorError {
                throw error
            } catch {
                throw SimulatorError(.invalidKey, "\(path): cannot be created: \(error.localizedDescription)")
            }
            ExchangeSim.say("exchange-sim created the key file \(path) with key \(createdKeyName)")
        }
        return KeyFile(path: path, keys: try SimulatorKeys(keyFile: path))
    }
}
