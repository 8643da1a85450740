#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An IANA time zone name (`America/New_York`, `UTC`) that the system's time zone database knows.
public struct TimeZoneName: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The IANA name.
    public let identifier: String

    /// Where the system's zoneinfo files are.
    static let databasePaths = ["/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"]

    /// The name, when the system's time zone database has it; `nil` otherwise.
    public init?(_ identifier: String) {
        guard Self.isKnown(identifier) else { return nil }
        self.identifier = identifier
    }

    public var description: String { identifier }

    /// Whether the time zone database has `identifier`: a relative path of letters, digits, `_`,
    /// `-`, `+` and `/` naming a file under the zoneinfo folder.
    static func isKnown(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, !identifier.hasPrefix("/"), !identifier.contains(".."),
            identifier.allSatisfy({ $0.isLetter || $0.isNumber || "_-+/".contains($0) })
        else { return false }
        if identifier == "UTC" { return true }
        return databasePaths.contains { access("\($0)/\(identifier)", R_OK) == 0 }
    }

    /// Decodes an IANA name.
    ///
    /// - Throws: `DecodingError.dataCorrupted` for a name the database does not have.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let name = TimeZoneName(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "unknown time zone \"\(text)\""))
        }
        self = name
    }

    /// Encodes the IANA name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(identifier)
    }
}
