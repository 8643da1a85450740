#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

import TraderCore

/// An IANA time zone name (`America/New_York`, `UTC`) that the system's time zone database knows.
public struct TimeZoneName: Hashable, Sendable, StringCodable {
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

    public static var expectedFormat: String { "an IANA time zone name such as America/New_York" }
}
