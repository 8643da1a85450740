import Analytics

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A report or a comparison as one JSON object, keys sorted (the same numbers as the text).
enum ReportJSON {
    static func rendered(_ report: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
