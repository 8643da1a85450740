import Crypto
import Foundation

/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the simulator's order, trade and account ids are
/// UUIDs, as Coinbase's are, and the same name in the same namespace always gives the same one.
enum NameUUID {
    /// The version-5 UUID of `name` in `namespace`, lower case.
    static func make(_ name: String, in namespace: UUID) -> String {
        var bytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes.append(contentsOf: Array(name.utf8))
        var digest = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        let uuid = digest.withUnsafeBytes { UUID(uuid: $0.loadUnaligned(as: uuid_t.self)) }
        return uuid.uuidString.lowercased()
    }
}
