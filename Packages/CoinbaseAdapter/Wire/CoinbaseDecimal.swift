import Foundation
import TraderCore

/// A decimal as Coinbase sends it: usually a JSON string (`"0.00000001"`), sometimes a JSON number,
/// and `""` for none. Read exactly, never through a `Double`.
///
/// Balances come with 16 fraction digits (`"242.2100000000000000"`): digits past the eighth are
/// dropped when they are zeros, and truncated toward zero otherwise (dust below 10⁻⁸).
struct CoinbaseDecimal: Decodable, Sendable {
    /// The value; `nil` for `""` or `null`.
    let value: FixedPoint?

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = nil
            return
        }
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
        } else {
            // Foundation reads a JSON number into a Decimal from its digits, exactly.
            let number = try container.decode(Decimal.self)
            text = "\(number)"
        }
        guard !text.isEmpty else {
            value = nil
            return
        }
        guard let parsed = FixedPoint(Self.eightDecimals(text)) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text.prefix(32))\" is not a decimal with at most 8 fraction digits")
        }
        value = parsed
    }

    /// `text` with at most eight fraction digits, the rest cut off.
    static func eightDecimals(_ text: String) -> String {
        guard let point = text.firstIndex(of: ".") else { return text }
        let fraction = text[text.index(after: point)...]
        guard fraction.count > 8 else { return text }
        return String(text[...point]) + String(fraction.prefix(8))
    }
}
