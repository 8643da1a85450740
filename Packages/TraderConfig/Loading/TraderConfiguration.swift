import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The effective configuration of a trading node: the three files with environment overrides
/// applied. Secrets are never part of it (see ``TraderSecrets``).
public struct TraderConfiguration: Hashable, Sendable, Codable {
    /// `app.yaml`.
    public var app: AppConfig
    /// `policy.yaml`.
    public var policy: PolicyConfig
    /// `universe.yaml`.
    public var universe: UniverseConfig

    /// Creates a configuration.
    public init(app: AppConfig, policy: PolicyConfig, universe: UniverseConfig) {
        self.app = app
        self.policy = policy
        self.universe = universe
    }

    /// The stable SHA-256 hash of the effective configuration (see ``ConfigHash``), stamped on every
    /// audit record.
    public var hash: ConfigHash { ConfigHash(canonicalJSON: canonicalJSON) }

    /// The canonical JSON of the configuration: keys sorted, no whitespace, so that key order and
    /// comments in the files do not change it.
    public var canonicalJSON: [UInt8] { ConfigHash.canonicalJSON(of: self) }
}

/// The SHA-256 of a configuration's canonical JSON, printed `sha256:<64 hex digits>`.
public struct ConfigHash: Hashable, Sendable, CustomStringConvertible {
    /// The 64 lower-case hex digits.
    public let hex: String

    /// The hash of canonical JSON bytes.
    public init(canonicalJSON: [UInt8]) {
        let digest = SHA256.hash(data: canonicalJSON)
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        self.hex = String(decoding: hex, as: UTF8.self)
    }

    /// `sha256:<hex>`.
    public var description: String { "sha256:\(hex)" }

    /// Sorted-key JSON of any encodable value.
    static func canonicalJSON(of value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Every configuration type encodes plain strings, numbers, booleans, lists and mappings;
        // failure would be a programming error.
        return Array(try! encoder.encode(value))
    }
}
